using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Tests.Support;

namespace Cogrion.InfraGen.Tests.Hosting;

public sealed class PromoteCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly TestCatalog _catalog = new(FixtureModel.Estate());

    [Fact]
    public void Promote_copies_the_tag_changing_one_line_of_each_file_and_writes_the_pull_request_body()
    {
        var paths = Generated();
        var tree = SetImageCommandTests.Texts(paths.OutDirectory);
        var summary = _temp.Combine("pr", "body.md");

        var run = HostRun.Verb(_catalog, paths, "promote", "--app", "web", "--from", "dev-sgp-1", "--to", "prod-sgp-1", "--summary", summary);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("infragen promote: model/releases.yaml line 5: web on prod-sgp-1 sha-9f8e7d6 -> sha-a1b2c3d", run.Output);
        Assert.Equal(FixtureModel.Releases.Replace("sha-9f8e7d6", "sha-a1b2c3d", StringComparison.Ordinal), File.ReadAllText(paths.ReleasesFile));
        Assert.Equal(
            ["values/prod-sgp-1/web.yaml: -  tag: sha-9f8e7d6 +  tag: sha-a1b2c3d"],
            SetImageCommandTests.ChangedLines(tree, SetImageCommandTests.Texts(paths.OutDirectory)));
        Baseline.AssertMatches("PromotionSummary", new Dictionary<string, string> { ["body.md"] = File.ReadAllText(summary) });
    }

    [Fact]
    public void The_summary_names_the_clusters_affected_their_approvers_and_the_diff_after_the_promotion()
    {
        var paths = Generated();
        var summary = _temp.Combine("body.md");

        HostRun.Verb(_catalog, paths, "promote", "--app", "web", "--from", "dev-sgp-1", "--to", "prod-sgp-1", "--summary", summary);
        var text = File.ReadAllText(summary);

        Assert.StartsWith("# Promote web sha-a1b2c3d from dev-sgp-1 to prod-sgp-1\n", text);
        Assert.Contains("| web | prod-sgp-1 | `sha-9f8e7d6` -> `sha-a1b2c3d` |\n", text);
        Assert.Contains("- `prod-sgp-1` (prod, production): needs approval from @example/prod-approvers (CODEOWNERS)\n", text);
        Assert.Contains("## Files changed\n\n- `model/releases.yaml`\n- `out/values/prod-sgp-1/web.yaml`\n\n", text);
        Assert.Contains("`infragen diff dev-sgp-1 prod-sgp-1 --app web`:\n\n```text\ninfragen diff dev-sgp-1 prod-sgp-1:", text);
        Assert.Matches(@"\n    replicas +1 -> 3\n", text);
        Assert.DoesNotContain("image.tag", text); // Both clusters run the promoted tag now.
    }

    [Theory]
    [InlineData(new[] { "--app", "web", "--from", "nowhere", "--to", "prod-sgp-1" }, "infragen: error INFRA1021: promote: no cluster 'nowhere'; the clusters are dev-sgp-1, prod-fra-1, prod-sgp-1.")]
    [InlineData(new[] { "--app", "web", "--from", "dev-sgp-1", "--to", "nowhere" }, "infragen: error INFRA1021: promote: no cluster 'nowhere'; the clusters are dev-sgp-1, prod-fra-1, prod-sgp-1.")]
    [InlineData(new[] { "--app", "shop", "--from", "dev-sgp-1", "--to", "prod-sgp-1" }, "infragen: error INFRA1021: promote: no app 'shop'; the apps are db, web. Nothing was changed.")]
    [InlineData(new[] { "--app", "web", "--from", "dev-sgp-1", "--to", "dev-sgp-1" }, "infragen: error INFRA1020: --to dev-sgp-1 is the --from cluster; promote copies a tag to another cluster. See `infragen --help`")]
    [InlineData(new[] { "--app", "db", "--from", "dev-sgp-1", "--to", "prod-sgp-1" }, "infragen: error INFRA1022: promote: app 'db' has no image tag on cluster 'dev-sgp-1' to promote (its values never use the context's ImageTag).")]
    [InlineData(new[] { "--app", "web", "--from", "prod-fra-1", "--to", "prod-sgp-1" }, "infragen: error INFRA1022: promote: app 'web' has no image tag on cluster 'prod-fra-1' to promote (model/releases.yaml has no tag for it there).")]
    [InlineData(new[] { "--from", "dev-sgp-1", "--to", "prod-sgp-1" }, "infragen: error INFRA1020: Option '--app' is required. See `infragen --help`")]
    public void Each_refusal_exits_2_and_changes_nothing(string[] args, string message)
    {
        var paths = Generated();
        var before = TempDirectory.Snapshot(_temp.Path);
        var withFra = new TestCatalog(FixtureModel.EstateWithFra1());

        var run = HostRun.Verb(withFra, paths, ["promote", .. args, "--summary", _temp.Combine("body.md")]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.Equal(before, TempDirectory.Snapshot(_temp.Path));
    }

    [Fact]
    public void A_target_already_on_the_tag_is_left_alone_with_exit_0_and_no_summary()
    {
        var paths = Generated();
        HostRun.Verb(_catalog, paths, "set-image", "--cluster", "prod-sgp-1", "--app", "web", "--tag", "sha-a1b2c3d");
        var before = TempDirectory.Snapshot(_temp.Path);

        var run = HostRun.Verb(_catalog, paths, "promote", "--app", "web", "--from", "dev-sgp-1", "--to", "prod-sgp-1", "--summary", _temp.Combine("body.md"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("infragen promote: web on prod-sgp-1 is already on sha-a1b2c3d; nothing to do for it.", run.Output);
        Assert.Contains("nothing was changed;", run.Output);
        Assert.Contains("body.md was not written (there is no pull request to open)", run.Output);
        Assert.Equal(before, TempDirectory.Snapshot(_temp.Path));
    }

    [Fact]
    public void A_summary_path_that_is_a_directory_is_a_usage_error_before_anything_is_written()
    {
        var paths = Generated();
        var directory = _temp.Combine("pr");
        Directory.CreateDirectory(directory);
        var before = TempDirectory.Snapshot(_temp.Path);

        var run = HostRun.Verb(_catalog, paths, "promote", "--app", "web", "--from", "dev-sgp-1", "--to", "prod-sgp-1", "--summary", directory);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"infragen: error INFRA1020: --summary {directory} is a directory; give the path of the file to write. See `infragen --help` for the verbs and `infragen <verb> --help` for a verb's options; nothing was changed.", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.Equal(before, TempDirectory.Snapshot(_temp.Path));
    }

    [Fact]
    public void Promote_into_a_new_cluster_adds_its_section_and_the_tree_then_checks_clean()
    {
        var paths = Generated();
        var withFra = new TestCatalog(FixtureModel.EstateWithFra1());

        var run = HostRun.Verb(withFra, paths, "promote", "--app", "web", "--from", "prod-sgp-1", "--to", "prod-fra-1", "--to", "dev-sgp-1");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(
            "# fixture releases\ndev-sgp-1:\n  web: sha-9f8e7d6\nprod-fra-1:\n  web: sha-9f8e7d6\nprod-sgp-1:\n  web: sha-9f8e7d6",
            File.ReadAllText(paths.ReleasesFile));
        Assert.Contains("written  values/prod-fra-1/web.yaml", run.Output);
        Assert.Equal(0, HostRun.Verb(withFra, paths, "check").ExitCode);
    }

    private ModelPaths Generated() => FixtureModel.CreateGenerated(_temp);

    public void Dispose() => _temp.Dispose();
}
