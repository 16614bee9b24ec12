using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Tests.Support;

namespace Cogrion.InfraGen.Tests.Hosting;

public sealed class SetImageCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly TestCatalog _catalog = new(FixtureModel.Estate());

    [Fact]
    public void Set_image_changes_the_app_s_line_and_the_regenerated_values_line_and_nothing_else()
    {
        var paths = Generated();
        var releases = File.ReadAllText(paths.ReleasesFile);
        var tree = Texts(paths.OutDirectory);

        var run = HostRun.Verb(_catalog, paths, "set-image", "--cluster", "dev-sgp-1", "--app", "web", "--tag", "sha-0123abc");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("infragen set-image: model/releases.yaml line 3: web on dev-sgp-1 sha-a1b2c3d -> sha-0123abc", run.Output);
        Assert.Equal(releases.Replace("  web: sha-a1b2c3d", "  web: sha-0123abc", StringComparison.Ordinal), File.ReadAllText(paths.ReleasesFile));
        var changed = ChangedLines(tree, Texts(paths.OutDirectory));
        Assert.Equal(["values/dev-sgp-1/web.yaml: -  tag: sha-a1b2c3d +  tag: sha-0123abc"], changed);
        Assert.Contains("  written  values/dev-sgp-1/web.yaml", run.Output);
    }

    [Theory]
    [InlineData("latest")]
    [InlineData("")]
    [InlineData("sha-A1B2C3D")]
    [InlineData("sha-123456")]
    [InlineData("sha-a1b2c3d-dirty")]
    [InlineData("v1.2.3")]
    public void A_tag_that_is_not_a_sha_tag_exits_2_and_changes_nothing(string tag) =>
        RefusedWithoutChanges(_catalog, "dev-sgp-1", "web", tag, $"'{tag}' is not an image tag for --tag: expected sha- followed by 7 to 40 lower-case hex digits");

    [Fact]
    public void A_refused_tag_says_once_that_nothing_was_changed()
    {
        var run = HostRun.Verb(_catalog, Generated(), "set-image", "--cluster", "dev-sgp-1", "--app", "web", "--tag", "latest");

        Assert.Equal(2, run.ExitCode);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(run.Error, "[Nn]othing was changed"));
    }

    [Theory]
    [InlineData("sha-1234567\n", "'sha-1234567\\n'")] // passed the parse-time check, then crashed with an unhandled exception
    [InlineData("sha-1234567\r\n", "'sha-1234567\\r\\n'")]
    [InlineData(" sha-1234567", "' sha-1234567'")]
    public void A_tag_with_a_line_break_or_space_is_a_usage_error_showing_it_not_a_crash(string tag, string shown)
    {
        var paths = Generated();
        var before = Everything();

        var run = HostRun.Verb(_catalog, paths, "set-image", "--cluster", "dev-sgp-1", "--app", "web", "--tag", tag);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{shown} is not an image tag for --tag: expected sha- followed by 7 to 40 lower-case hex digits", run.Error);
        Assert.DoesNotContain("Unhandled exception", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.Equal(before, Everything());
    }

    [Theory]
    [InlineData("nowhere", "web", "infragen: error INFRA1021: set-image: no cluster 'nowhere'; the clusters are dev-sgp-1, prod-sgp-1. Nothing was changed.")]
    [InlineData("dev-sgp-1", "shop", "infragen: error INFRA1021: set-image: no app 'shop'; the apps are db, web. Nothing was changed.")]
    [InlineData("dev-sgp-1", "db", "infragen: error INFRA1022: set-image: app 'db' reads no image tag on cluster 'dev-sgp-1'")]
    public void An_unknown_cluster_or_app_or_an_app_without_an_image_exits_2_and_changes_nothing(string cluster, string app, string message) =>
        RefusedWithoutChanges(_catalog, cluster, app, "sha-0123abc", message);

    [Fact]
    public void The_tag_already_deployed_is_a_success_that_writes_nothing()
    {
        var paths = Generated();
        var before = Everything();

        var run = HostRun.Verb(_catalog, paths, "set-image", "--cluster", "prod-sgp-1", "--app", "web", "--tag", "sha-9f8e7d6");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("web on prod-sgp-1 is already on sha-9f8e7d6 (model/releases.yaml line 5); nothing was changed.", run.Output);
        Assert.Equal(before, Everything());
    }

    [Fact]
    public void A_model_that_fails_with_the_new_tag_leaves_releases_yaml_and_out_unchanged() =>
        RefusedWithoutChanges(
            new TestCatalog(FixtureModel.Estate(apps: [RefusesTag("sha-bad0bad"), FixtureModel.Db()])),
            "dev-sgp-1",
            "web",
            "sha-bad0bad",
            "error INFRA1004: App 'web' failed to build its values for cluster 'dev-sgp-1'");

    [Fact]
    public void An_out_directory_InfraGen_does_not_own_leaves_releases_yaml_unchanged()
    {
        var paths = FixtureModel.CreateFiles(_temp);
        Directory.CreateDirectory(paths.OutDirectory);
        File.WriteAllText(Path.Combine(paths.OutDirectory, "notes.txt"), "someone's file\n");
        var before = Everything();

        var run = HostRun.Verb(_catalog, paths, "set-image", "--cluster", "dev-sgp-1", "--app", "web", "--tag", "sha-0123abc");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error INFRA3001", run.Error);
        Assert.Equal(before, Everything());
    }

    [Theory]
    [InlineData("generate")]
    [InlineData("set-image", "--cluster", "dev-sgp-1", "--app", "web", "--tag", "sha-0123abc")]
    public void An_out_path_that_is_a_file_is_INFRA3001_with_exit_2_not_a_crash(params string[] args)
    {
        var paths = FixtureModel.CreateFiles(_temp);
        File.WriteAllText(paths.OutDirectory, "a file, not a directory\n");
        var before = Everything();

        var run = HostRun.Verb(_catalog, paths, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"error INFRA3001: The output path '{paths.OutDirectory}' is a file, not a directory; nothing was written.", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.Equal(before, Everything());
    }

    [Theory]
    [InlineData("generate")]
    [InlineData("set-image", "--cluster", "dev-sgp-1", "--app", "web", "--tag", "sha-0123abc")]
    public void A_file_where_the_tree_needs_a_directory_is_INFRA3004_with_exit_2_not_a_crash(params string[] args)
    {
        // Issue 15: out/values/dev-sgp-1 replaced by a file made generate print "Unhandled exception" and exit 1.
        var paths = Generated();
        var directory = Path.Combine(paths.OutDirectory, "values", "dev-sgp-1");
        Directory.Delete(directory, recursive: true);
        File.WriteAllText(directory, "not a directory\n");
        var before = Everything();

        var run = HostRun.Verb(_catalog, paths, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"infragen: error INFRA3004: Cannot write the tree: '{directory}' is a file, where the tree needs a directory; nothing was written.", run.Error);
        Assert.Contains("infragen: 1 error(s); out/ was not changed.", run.Error);
        Assert.DoesNotContain("Unhandled exception", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.Equal(before, Everything()); // releases.yaml too: set-image writes it only after out/
    }

    [Fact]
    public void A_cluster_releases_yaml_does_not_know_gets_its_section_in_name_order()
    {
        var paths = Generated();
        var withFra = new TestCatalog(FixtureModel.EstateWithFra1());
        Assert.Equal(2, HostRun.Generate(withFra, paths).ExitCode); // INFRA1102: no tag for web on prod-fra-1 yet.

        var run = HostRun.Verb(withFra, paths, "set-image", "--cluster", "prod-fra-1", "--app", "web", "--tag", "sha-0123abc");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("model/releases.yaml lines 4-5 added: a section for prod-fra-1 with web sha-0123abc", run.Output);
        Assert.Equal(
            "# fixture releases\ndev-sgp-1:\n  web: sha-a1b2c3d\nprod-fra-1:\n  web: sha-0123abc\nprod-sgp-1:\n  web: sha-9f8e7d6",
            File.ReadAllText(paths.ReleasesFile));
        Assert.Contains("tag: sha-0123abc", File.ReadAllText(Path.Combine(paths.OutDirectory, "values", "prod-fra-1", "web.yaml")));
        Assert.Equal(0, HostRun.Verb(withFra, paths, "check").ExitCode);
    }

    [Fact]
    public void A_byte_order_mark_and_crlf_line_ends_of_releases_yaml_are_kept()
    {
        var paths = Generated();
        File.WriteAllBytes(paths.ReleasesFile, [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(FixtureModel.Releases.ReplaceLineEndings("\r\n"))]);

        var run = HostRun.Verb(_catalog, paths, "set-image", "--cluster", "prod-sgp-1", "--app", "web", "--tag", "sha-0123abc");

        Assert.True(run.ExitCode == 0, run.Error);
        var expected = FixtureModel.Releases.Replace("sha-9f8e7d6", "sha-0123abc", StringComparison.Ordinal).ReplaceLineEndings("\r\n");
        Assert.Equal([0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(expected)], File.ReadAllBytes(paths.ReleasesFile));
    }

    /// <summary>The fixture's web app, whose values function throws for one tag: a model error that only the new tag causes.</summary>
    private static App<WebValues> RefusesTag(string refused) => new(
        new ChartSpec("1.0.0", "Fixture web app"),
        c => new WebValues
        {
            Host = "web.example.com",
            Image = new() { Repository = "ghcr.io/example/web", Tag = c.ImageTag.Value == refused ? throw new InvalidOperationException("refused") : c.ImageTag },
            Replicas = 1,
        });

    private ModelPaths Generated() => FixtureModel.CreateGenerated(_temp);

    /// <summary>Runs set-image on the generated fixture and asserts exit 2, the message, and every file as it was.</summary>
    private void RefusedWithoutChanges(TestCatalog catalog, string cluster, string app, string tag, string message)
    {
        var paths = Generated();
        var before = Everything();

        var run = HostRun.Verb(catalog, paths, "set-image", "--cluster", cluster, "--app", app, "--tag", tag);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.Equal(before, Everything());
    }

    /// <summary>Every file of the test (model/ and out/), hashed.</summary>
    private IReadOnlyDictionary<string, string> Everything() => TempDirectory.Snapshot(_temp.Path);

    internal static Dictionary<string, string> Texts(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);

    /// <summary>Each changed line, as <c>path: -old +new</c>; files must keep their line count (an edit, not an insertion).</summary>
    internal static List<string> ChangedLines(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        var changes = new List<string>();
        foreach (var (path, text) in before.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var old = text.Split('\n');
            var now = after[path].Split('\n');
            Assert.Equal(old.Length, now.Length);
            changes.AddRange(old.Zip(now).Where(l => l.First != l.Second).Select(l => $"{path}: -{l.First} +{l.Second}"));
        }

        return changes;
    }

    public void Dispose() => _temp.Dispose();
}
