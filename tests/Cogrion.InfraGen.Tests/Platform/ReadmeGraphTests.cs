using System.Diagnostics;
using Cogrion.InfraGen.Tests.Support;

namespace Cogrion.InfraGen.Tests.Platform;

/// <summary>
/// out/README.md draws each cluster's App of Apps as a Mermaid flowchart; Mermaid's own parser (npm, pinned in
/// eng/mermaid, installed by eng/get-mermaid.sh like Helm) must accept every block, as GitHub's renderer would.
/// </summary>
[Trait("Speed", "Slow")]
public sealed class ReadmeGraphTests : IDisposable
{
    private static readonly Lazy<string> Parser = new(Install);
    private readonly TempDirectory _temp = new();

    [Fact]
    public void Every_graph_of_the_generated_readme_parses_with_Mermaid()
    {
        var readme = RealModel.Tree.Files["README.md"].Text;
        var (exit, output) = Parse(readme);

        Assert.True(exit == 0, output);
        Assert.Equal("ok 2 flowchart-v2 flowchart-v2", output.Trim());
    }

    [Fact]
    public void A_broken_graph_does_not_parse()
    {
        var (exit, output) = Parse("```mermaid\nflowchart TB\n  root --> app-with-dash[\"x\"\n```\n");

        Assert.Equal(1, exit);
        Assert.Contains("block 1:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_cluster_has_its_graph_with_root_waves_dependencies_and_the_store()
    {
        var readme = RealModel.Tree.Files["README.md"].Text;
        var dev = readme[readme.IndexOf("### dev-sgp-1\n\n```mermaid\n", StringComparison.Ordinal)..];
        dev = dev[..dev.IndexOf("```\n", dev.IndexOf("flowchart", StringComparison.Ordinal), StringComparison.Ordinal)];

        Assert.Contains("root([\"root: dev-sgp-1<br/>ap-southeast-1, account 111111111111\"])", dev, StringComparison.Ordinal);
        Assert.Contains("subgraph wave0[\"sync wave 0\"]", dev, StringComparison.Ordinal);
        Assert.Contains("root ==> wave0\n  wave0 ==> wave1\n", dev, StringComparison.Ordinal);
        Assert.Contains("app_aws_load_balancer_controller -.-> app_ingress", dev, StringComparison.Ordinal);
        Assert.Contains("app_external_secrets -.-> app_keycloak", dev, StringComparison.Ordinal);
        Assert.Contains("store[(\"ClusterSecretStore aws-secrets-manager\")]", dev, StringComparison.Ordinal);
        Assert.Contains("store -. \"keycloak\" .-> app_keycloak", dev, StringComparison.Ordinal);
        Assert.Contains("Same apps, waves and sync policies as prod-sgp-1", readme, StringComparison.Ordinal);
    }

    private (int Exit, string Output) Parse(string markdown)
    {
        var file = _temp.Combine("README.md");
        File.WriteAllText(file, markdown);
        return Run("node", Parser.Value, file);
    }

    private static string Install()
    {
        var script = Path.Combine(RealModel.Paths.RepoRoot, "eng", "get-mermaid.sh");
        var (exit, output) = Run("bash", script);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return exit == 0 && lines.Length > 0 && File.Exists(lines[^1])
            ? lines[^1]
            : throw new InvalidOperationException($"eng/get-mermaid.sh could not install the Mermaid parser (exit code {exit}):\n{output}");
    }

    private static (int Exit, string Output) Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    public void Dispose() => _temp.Dispose();
}
