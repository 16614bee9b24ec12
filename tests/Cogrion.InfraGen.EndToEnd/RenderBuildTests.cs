using Cogrion.InfraGen.EndToEnd.Support;

namespace Cogrion.InfraGen.EndToEnd;

/// <summary>
/// <c>dotnet build -p:InfraGenRender=true</c> on a copy of this repository: the build renders every chart with the pinned
/// Helm (installed by eng/get-helm.sh) and fails on a finding with the canonical error at the template in model/.
/// </summary>
[Collection(PackedRepositoryCollection.Name)]
public sealed class RenderBuildTests(PackedRepository packed)
{
    private string Model => Path.Combine(packed.Repo, "model");

    [Fact]
    public void A_render_build_passes_on_the_committed_model_and_fails_on_a_broken_template_at_its_line_in_model()
    {
        string[] render = ["build", "-p:InfraGenRender=true", $"-p:InfraGenHelm={PinnedHelm()}", $"-p:InfraGenChartCache={SharedCharts()}"];
        PackedRepository.Succeeds(Command.Run(Command.Dotnet, render, Model, SharedRenderCache));
        Assert.False(Directory.Exists(Path.Combine(Model, "obj", "infragen-render"))); // INFRAGEN_RENDER_CACHE reached the program.

        var service = Path.Combine(Model, "charts", "control-plane", "templates", "service.yaml");
        var original = File.ReadAllText(service);
        var snapshot = RepositoryFiles.Snapshot(Path.Combine(packed.Repo, "out"));
        try
        {
            File.WriteAllText(service, original.Replace("targetPort: http", "targetPort: web", StringComparison.Ordinal));

            var build = Command.Run(Command.Dotnet, render, Model, SharedRenderCache);

            Assert.True(build.ExitCode != 0, build.ToString());
            Assert.Contains($"{service}(", build.Output);
            Assert.Contains("error INFRA4106: On cluster 'dev-sgp-1', app 'control-plane': Service/control-plane", build.Output);
            Assert.DoesNotContain("INFRA3000", build.Output);
            Assert.DoesNotContain("MSB3073", build.Output);
        }
        finally
        {
            File.WriteAllText(service, original);
            RepositoryFiles.Restore(Path.Combine(packed.Repo, "out"), snapshot);
        }
    }

    /// <summary>
    /// The unit tests' render cache (their PinnedHelm.CacheDirectory), shared through INFRAGEN_RENDER_CACHE, which the
    /// build's program reads: a chart and values this machine rendered before cost no Helm command (the copy's own
    /// obj/ cache would start cold: 64 Helm commands). The checks run alike on Helm's output and on the cached copy of
    /// it, and the cache is made to be shared between processes. That a cold cache runs Helm is the unit tests' case.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, string> SharedRenderCache =
        new Dictionary<string, string> { ["INFRAGEN_RENDER_CACHE"] = Path.Combine(Path.GetTempPath(), "infragen-tests-render-cache") };

    /// <summary>The pinned Helm, from eng/get-helm.sh (cached after the first install).</summary>
    private string PinnedHelm()
    {
        var install = Command.Run("bash", [Path.Combine(packed.Repo, "eng", "get-helm.sh")], packed.Repo);
        PackedRepository.Succeeds(install);
        return install.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
    }

    /// <summary>The pinned upstream chart packages: INFRAGEN_CHART_CACHE, else the nearest shared/charts above this repository.</summary>
    private static string SharedCharts()
    {
        if (Environment.GetEnvironmentVariable("INFRAGEN_CHART_CACHE") is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        for (var directory = new DirectoryInfo(RepositoryFiles.FindRoot()); directory is not null; directory = directory.Parent)
        {
            var charts = Path.Combine(directory.FullName, "shared", "charts");
            if (Directory.Exists(charts))
            {
                return charts;
            }
        }

        throw new InvalidOperationException("No shared/charts above the repository and no INFRAGEN_CHART_CACHE: the pinned chart packages are needed to render.");
    }
}
