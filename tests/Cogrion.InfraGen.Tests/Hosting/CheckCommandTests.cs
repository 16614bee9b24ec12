using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Tests.Support;

namespace Cogrion.InfraGen.Tests.Hosting;

public sealed class CheckCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly TestCatalog _catalog = new(FixtureModel.Estate());

    [Fact]
    public void A_freshly_generated_tree_has_no_drift()
    {
        var paths = Generated();

        var run = Check(paths);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("out/ matches the model", run.Output);
    }

    [Fact]
    public void A_hand_edit_is_drift_named_with_a_unified_diff_and_nothing_is_written()
    {
        var paths = Generated();
        var values = Path.Combine(paths.OutDirectory, "values", "prod-sgp-1", "web.yaml");
        File.WriteAllText(values, File.ReadAllText(values).Replace("replicas: 3", "replicas: 5", StringComparison.Ordinal));
        var before = TempDirectory.Snapshot(paths.OutDirectory);

        var run = Check(paths);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("  changed  out/values/prod-sgp-1/web.yaml", run.Output);
        Assert.Contains("--- out/values/prod-sgp-1/web.yaml (on disk)\n+++ out/values/prod-sgp-1/web.yaml (from the model)\n@@ ", run.Output);
        Assert.Contains("\n-replicas: 5\n+replicas: 3\n", run.Output);
        Assert.StartsWith("Fix: run `dotnet build`", run.Output.TrimEnd().Split('\n')[^1]);
        Assert.Equal(before, TempDirectory.Snapshot(paths.OutDirectory));
    }

    [Fact]
    public void A_hand_added_file_and_a_deleted_file_are_drift()
    {
        var paths = Generated();
        File.WriteAllText(Path.Combine(paths.OutDirectory, "values", "notes.yaml"), "mine: true\n");
        File.Delete(Path.Combine(paths.OutDirectory, "argocd", "bootstrap", "dev-sgp-1.yaml"));

        var run = Check(paths);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("  removed  out/values/notes.yaml  (on disk, but the model does not produce it)", run.Output);
        Assert.Contains("  added    out/argocd/bootstrap/dev-sgp-1.yaml  (the model produces it; it is missing on disk)", run.Output);
        Assert.Contains("+++ /dev/null\n@@ -1 +0,0 @@\n-mine: true\n", run.Output);
        Assert.True(File.Exists(Path.Combine(paths.OutDirectory, "values", "notes.yaml")));
    }

    [Fact]
    public void A_model_change_that_was_not_regenerated_is_drift()
    {
        var paths = Generated();
        var changed = new TestCatalog(FixtureModel.Estate() with { Repo = new GitRepo("https://github.com/example/infra", "release") { TreePath = "out" } });

        var run = HostRun.Run(changed, ["check", "--model", paths.ModelDirectory, "--out", paths.OutDirectory]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("  changed  out/argocd/bootstrap/prod-sgp-1.yaml", run.Output);
        Assert.Contains("-    targetRevision: main\n+    targetRevision: release\n", run.Output);
    }

    [Fact]
    public void Under_msbuild_each_drifted_file_gets_a_canonical_error_at_its_first_changed_line()
    {
        var paths = Generated();
        var values = Path.Combine(paths.OutDirectory, "values", "prod-sgp-1", "web.yaml");
        var lines = File.ReadAllLines(values);
        var replicasLine = Array.FindIndex(lines, l => l.StartsWith("replicas:", StringComparison.Ordinal)) + 1;
        File.WriteAllText(values, File.ReadAllText(values).Replace("replicas: 3", "replicas: 5", StringComparison.Ordinal));

        var run = Check(paths, "--msbuild");

        Assert.Contains($"{values}({replicasLine}): error INFRA3101: out/values/prod-sgp-1/web.yaml is changed", run.Output);
    }

    [Fact]
    public void A_missing_out_directory_is_drift_said_in_one_line_not_a_diff_of_every_file()
    {
        var paths = Generated();
        Directory.Delete(paths.OutDirectory, recursive: true);

        var run = Check(paths);
        var msbuild = Check(paths, "--msbuild");

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"^infragen check: out/ does not exist; the model generates [1-9][0-9]* file\(s\) there\.\nFix: run `dotnet build`", run.Output);
        Assert.DoesNotContain("+++", run.Output);
        Assert.Equal(1, msbuild.ExitCode);
        Assert.StartsWith($"{Path.GetFullPath(paths.OutDirectory)}: error INFRA3101: out/ does not exist;", msbuild.Output);
        Assert.False(Directory.Exists(paths.OutDirectory));
    }

    [Fact]
    public void A_model_error_exits_2_and_compares_nothing()
    {
        var paths = Generated();
        File.WriteAllText(paths.ReleasesFile, "dev-sgp-1:\n  web: latest\n");

        var run = Check(paths);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error INFRA1101", run.Error);
        Assert.DoesNotContain("differs", run.Output);
    }

    private ModelPaths Generated()
    {
        var paths = FixtureModel.CreateFiles(_temp);
        Assert.Equal(0, HostRun.Generate(_catalog, paths).ExitCode);
        return paths;
    }

    private HostRun Check(ModelPaths paths, params string[] extra) =>
        HostRun.Run(_catalog, ["check", "--model", paths.ModelDirectory, "--out", paths.OutDirectory, .. extra]);

    public void Dispose() => _temp.Dispose();
}
