using Cogrion.InfraGen.Tests.Support;

namespace Cogrion.InfraGen.Tests.Hosting;

public sealed class DiffCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly TestCatalog _catalog = new(FixtureModel.Estate());

    [Fact]
    public void Effective_values_that_differ_are_listed_and_name_only_differences_are_counted()
    {
        var run = Diff("dev-sgp-1", "prod-sgp-1", "--app", "web");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n').Select(l => l.TrimEnd()).ToList();
        Assert.Contains(lines, l => l.StartsWith("    image.tag", StringComparison.Ordinal) && l.EndsWith("sha-a1b2c3d -> sha-9f8e7d6", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("    replicas", StringComparison.Ordinal) && l.EndsWith("1 -> 3", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("    note", StringComparison.Ordinal) && l.EndsWith("\"yes\" -> (absent)", StringComparison.Ordinal));
        // The environment is a setting of the cluster, not a name: dev against prod is a real difference.
        Assert.Contains(lines, l => l.StartsWith("    global.environment", StringComparison.Ordinal) && l.EndsWith("dev -> prod", StringComparison.Ordinal));
        Assert.Contains("only the clusters' names differ (2, --all lists them): host, application Application/web spec.source.helm.valueFiles[0]", run.Output);
        Assert.DoesNotContain("db", run.Output);
        Assert.EndsWith("1 of 1 app(s) differ between dev-sgp-1 and prod-sgp-1.", run.Output.TrimEnd());
    }

    [Fact]
    public void All_lists_the_name_only_differences_too()
    {
        var run = Diff("dev-sgp-1", "prod-sgp-1", "--app", "web", "--all");

        Assert.Contains("web.dev-sgp-1.example.com -> web.prod-sgp-1.example.com (names only)", run.Output);
        Assert.Contains("../../values/dev-sgp-1/web.yaml -> ../../values/prod-sgp-1/web.yaml (names only)", run.Output);
    }

    [Fact]
    public void An_app_whose_values_differ_only_by_names_and_the_environment_lists_the_environment_and_counts_the_names()
    {
        var run = Diff("dev-sgp-1", "prod-sgp-1", "--app", "db");

        // Every chart gets global.environment (InfraGen supplies it): dev against prod is a real difference, not a name.
        var lines = run.Output.Split('\n').Select(l => l.TrimEnd()).ToList();
        Assert.Contains("db", lines);
        Assert.Contains("    global.environment  dev -> prod", lines);
        Assert.Contains("  only the clusters' names differ (1, --all lists them): application Application/db spec.source.helm.valueFiles[0]", lines);
        Assert.EndsWith("1 of 1 app(s) differ between dev-sgp-1 and prod-sgp-1.", run.Output.TrimEnd());
    }

    [Fact]
    public void Every_file_of_both_clusters_is_compared_and_the_bootstrap_differs_only_by_names()
    {
        var paths = FixtureModel.CreateFiles(_temp, FixtureModel.Releases + "\nprod-fra-1:\n  web: sha-9f8e7d6\n");
        var run = HostRun.Run(new TestCatalog(FixtureModel.EstateWithFra1()), ["diff", "prod-sgp-1", "prod-fra-1", "--model", paths.ModelDirectory, "--out", paths.OutDirectory]);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n').Select(l => l.TrimEnd()).ToList();
        // The bootstrap holds only the root's project and the root (the secret store, and with it the AWS region, is in the
        // external-secrets app's values where an estate has one): its root's path is a name difference.
        Assert.Contains("the clusters' own files: same but for the clusters' names", lines);
        Assert.Contains("argocd/bootstrap/<cluster>.yaml Application/root spec.source.path", run.Output);

        // The region itself is a setting; paths and hosts that hold it are names.
        Assert.Contains(lines, l => l.StartsWith("    global.region", StringComparison.Ordinal) && l.EndsWith("sgp-1 -> fra-1", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("    host", StringComparison.Ordinal));
        Assert.EndsWith("2 of 2 app(s) differ between prod-sgp-1 and prod-fra-1; their own files differ only by the clusters' names.", run.Output.TrimEnd());
    }

    [Fact]
    public void App_narrows_to_its_files_and_leaves_the_clusters_own_out()
    {
        var run = Diff("dev-sgp-1", "prod-sgp-1", "--app", "db");

        Assert.StartsWith("infragen diff dev-sgp-1 prod-sgp-1: the files of db;", run.Output);
        Assert.DoesNotContain("the clusters' own files", run.Output);
    }

    [Theory]
    [InlineData("dev-sgp-1", "nowhere", "no cluster 'nowhere'; the clusters are dev-sgp-1, prod-sgp-1.")]
    [InlineData("dev-sgp-1", "prod-sgp-1", "no app 'shop'; the apps are db, web.", "--app", "shop")]
    public void An_unknown_cluster_or_app_is_a_usage_error_that_lists_what_exists(string a, string b, string message, params string[] extra)
    {
        var run = Diff(a, b, extra);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error);
    }

    private HostRun Diff(string a, string b, params string[] extra)
    {
        var paths = FixtureModel.CreateFiles(_temp);
        return HostRun.Run(_catalog, ["diff", a, b, "--model", paths.ModelDirectory, "--out", paths.OutDirectory, .. extra]);
    }

    public void Dispose() => _temp.Dispose();
}
