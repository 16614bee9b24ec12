using System.Runtime.CompilerServices;
using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Tests.Support;

// These tests write bad names as literals on purpose, to test the run-time check (INFRA1001) that names computed
// at run time go through; the compile-time check of literals (INFRA0002) would otherwise stop the build first.
#pragma warning disable INFRA0002

namespace Cogrion.InfraGen.Tests.Loading;

/// <summary>
/// Each bad input fails the run with an MSBuild-format error naming the model file and line, the record and
/// property, and what is allowed; out/ stays byte-for-byte as it was.
/// </summary>
public sealed class BadModelTests : IDisposable
{
    private const string ThisFile = "Loading/BadModelTests.cs";
    private readonly TempDirectory _temp = new();

    private static int Line([CallerLineNumber] int line = 0) => line;

    [Fact]
    public void A_region_name_that_is_not_a_DNS_label_is_an_error_at_the_cluster_declaration()
    {
        var region = new Region("Fra_1", "eu-central-1");
        Cluster bad = new(FixtureModel.Prod, region); var line = Line();

        var error = FailsWithoutTouchingOut(FixtureModel.Estate(clusters: [new Cluster(FixtureModel.Dev, FixtureModel.Sgp1), bad]));

        Assert.Contains($"{ThisFile}({line}): error INFRA1001: Cluster Region.Name 'Fra_1' is not allowed: it must be a DNS-1123 label", error);
        Assert.Contains("lower-case letters a-z, digits 0-9 and '-'", error);
    }

    [Fact]
    public void A_name_that_tries_to_leave_the_tree_is_an_error()
    {
        Cluster bad = new(new Env("../../etc", IsProduction: false), FixtureModel.Sgp1); var line = Line();

        var error = FailsWithoutTouchingOut(FixtureModel.Estate(clusters: [bad]));

        Assert.Contains($"{ThisFile}({line}): error INFRA1001: Cluster Env.Name '../../etc' is not allowed", error);
        Assert.False(Directory.Exists(_temp.Combine("etc")));
    }

    [Fact]
    public void A_cluster_declared_twice_is_an_error_naming_both_places()
    {
        Cluster first = new(FixtureModel.Dev, FixtureModel.Sgp1); var firstLine = Line();
        Cluster again = new(FixtureModel.Dev, FixtureModel.Sgp1); var againLine = Line();

        var error = FailsWithoutTouchingOut(FixtureModel.Estate(clusters: [first, again]));

        Assert.Contains($"{ThisFile}({againLine}): error INFRA1002: Cluster 'dev-sgp-1' is declared twice (first at ", error);
        Assert.Contains($"BadModelTests.cs({firstLine}))", error);
    }

    [Fact]
    public void An_app_declared_twice_is_an_error()
    {
        var first = FixtureModel.Db();
        var again = FixtureModel.Db(); var line = Line();

        var error = FailsWithoutTouchingOut(FixtureModel.Estate(apps: [FixtureModel.Web(), first, again]));

        Assert.Contains($"{ThisFile}({line}): error INFRA1002: App 'db' is declared twice", error);
    }

    [Fact]
    public void An_app_without_values_for_a_cluster_is_an_error_naming_app_and_cluster()
    {
        var partial = new App<DbValues>(new ChartSpec("1.0.0", "db"), c => c.Cluster.Env.IsProduction ? null : new DbValues { Region = "sgp-1", Storage = Memory.Gi(1) }); var line = Line();

        var error = FailsWithoutTouchingOut(FixtureModel.Estate(apps: [FixtureModel.Web(), partial]));

        Assert.Contains($"{ThisFile}({line}): error INFRA1003: App 'db' has no values for cluster 'prod-sgp-1'", error);
    }

    [Fact]
    public void A_namespace_that_is_not_a_DNS_label_is_an_error()
    {
        var bad = new App<DbValues>(new ChartSpec("1.0.0", "db"), c => new DbValues { Region = "sgp-1", Storage = Memory.Gi(1) }) { Namespace = "Data Base" }; var line = Line();

        var error = FailsWithoutTouchingOut(FixtureModel.Estate(apps: [FixtureModel.Web(), bad]));

        Assert.Contains($"{ThisFile}({line}): error INFRA1001: App Namespace 'Data Base' is not allowed", error);
    }

    [Fact]
    public void Apps_that_depend_on_each_other_in_a_cycle_are_an_error()
    {
        var cyclic = new App<DbValues>(new ChartSpec("1.0.0", "db"), c => new DbValues { Region = "sgp-1", Storage = Memory.Gi(1) }) { DependsOn = [FixtureModel.Web()] };

        var error = FailsWithoutTouchingOut(FixtureModel.Estate(apps: [FixtureModel.Web(), cyclic]));

        Assert.Contains("error INFRA1006: Apps depend on each other in a cycle (", error);
        Assert.Contains("(db -> web -> db)", error);
    }

    [Fact]
    public void A_latest_tag_in_releases_yaml_is_an_error_at_its_line()
    {
        var error = FailsWithoutTouchingOut(FixtureModel.Estate(), FixtureModel.Releases.Replace("sha-9f8e7d6", "latest"));

        Assert.Contains("model/releases.yaml(5): error INFRA1101: 'latest' is not an allowed image tag for app 'web' on cluster 'prod-sgp-1'", error);
    }

    [Theory]
    [InlineData("\"sha-9f8e7d6\\n\"", "'sha-9f8e7d6\\n'")] // .NET's $ matched before the final line break: it was accepted and written to out/
    [InlineData("\"sha-9f8e7d6\\r\\n\"", "'sha-9f8e7d6\\r\\n'")]
    [InlineData("\"sha-9f8e7d6 \"", "'sha-9f8e7d6 '")]
    public void A_tag_with_a_trailing_line_break_in_releases_yaml_is_an_error_showing_it(string tag, string shown)
    {
        var error = FailsWithoutTouchingOut(FixtureModel.Estate(), FixtureModel.Releases.Replace("sha-9f8e7d6", tag));

        Assert.Contains($"model/releases.yaml(5): error INFRA1101: {shown} is not an allowed image tag for app 'web' on cluster 'prod-sgp-1'", error);
    }

    [Fact]
    public void A_yaml_syntax_error_in_releases_yaml_is_INFRA1104_at_its_line_not_the_bad_tag_code()
    {
        var releases = "# fixture releases\ndev-sgp-1:\n  web: sha-a1b2c3d\n web: sha-9f8e7d6\n";

        var error = FailsWithoutTouchingOut(FixtureModel.Estate(), releases);

        Assert.Contains("model/releases.yaml(4): error INFRA1104: releases.yaml is not valid YAML (line 4, column 2): ", error);
        Assert.DoesNotContain("INFRA1101", error);
    }

    [Fact]
    public void An_unclosed_flow_sequence_in_releases_yaml_is_INFRA1104_not_a_crash()
    {
        // YamlDotNet throws InvalidOperationException, not YamlException, for this one: it crashed the run.
        var releases = "# fixture releases\ndev-sgp-1:\n  web: [sha-a1b2c3d\nprod-sgp-1:\n  web: sha-9f8e7d6\n";

        var error = FailsWithoutTouchingOut(FixtureModel.Estate(), releases);

        Assert.Contains("model/releases.yaml(3): error INFRA1104: releases.yaml is not valid YAML (line 3, column 8): an unclosed '[' or '{'", error);
        Assert.DoesNotContain("Unhandled exception", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Theory]
    [InlineData("[sha-9f8e7d6]", "list")]
    [InlineData("{ tag: sha-9f8e7d6 }", "map")]
    public void A_tag_that_is_a_list_or_a_map_is_an_error_saying_so(string tag, string shape)
    {
        var error = FailsWithoutTouchingOut(FixtureModel.Estate(), FixtureModel.Releases.Replace("sha-9f8e7d6", tag));

        Assert.Contains($"model/releases.yaml(5): error INFRA1101: The tag of app 'web' on cluster 'prod-sgp-1' in releases.yaml is a {shape}; it must be one tag on the app's line: sha-", error);
        Assert.DoesNotContain("''", error);
    }

    [Fact]
    public void A_missing_tag_of_a_cluster_releases_yaml_does_not_know_is_an_error_at_the_cluster_declaration()
    {
        Cluster fra = new(FixtureModel.Prod, new Region("fra-1", "eu-central-1")); var line = Line();

        var error = FailsWithoutTouchingOut(FixtureModel.Estate(clusters: [new Cluster(FixtureModel.Dev, FixtureModel.Sgp1), new Cluster(FixtureModel.Prod, FixtureModel.Sgp1), fra]));

        Assert.Contains($"{ThisFile}({line}): error INFRA1102: No image tag for app 'web' on cluster 'prod-fra-1' in releases.yaml.", error);
        // The suggested source is a cluster of the same tier that has the tag.
        Assert.Contains("`infragen promote --app web --from prod-sgp-1 --to prod-fra-1`", error);
        Assert.Contains("`infragen set-image --cluster prod-fra-1 --app web --tag sha-…`", error);
    }

    [Fact]
    public void A_missing_tag_in_a_cluster_section_is_an_error_at_the_section_line()
    {
        var releases = "dev-sgp-1:\n  web: sha-a1b2c3d\n# prod below\nprod-sgp-1:\n  other: sha-9f8e7d6\n";

        var error = FailsWithoutTouchingOut(FixtureModel.Estate(), releases);

        Assert.Contains("model/releases.yaml(4): error INFRA1102: No image tag for app 'web' on cluster 'prod-sgp-1'", error);
        Assert.Contains("--from dev-sgp-1 --to prod-sgp-1", error);
        Assert.Contains("model/releases.yaml(5): error INFRA1103: releases.yaml sets a tag for app 'other' on cluster 'prod-sgp-1'", error);
    }

    [Fact]
    public void A_values_function_that_throws_is_an_error_at_the_line_that_threw()
    {
        Func<AppContext, WebValues, WebValues> failsOnProd = (c, values) => c.Cluster.Env.IsProduction ? values with { MemoryLimit = Memory.Mi(0) } : values; var line = Line();
        var web = FixtureModel.WebWith(failsOnProd);

        var error = FailsWithoutTouchingOut(FixtureModel.Estate(apps: [web, FixtureModel.Db()]));

        // Memory.Mi(0) throws inside InfraGen: the error points at the model's call, not at InfraGen's code.
        Assert.Contains($"{ThisFile}({line}): error INFRA1004: App 'web' failed to build its values for cluster 'prod-sgp-1': ", error);
        Assert.DoesNotContain("Memory.cs", error);
        Assert.DoesNotContain($"({line + 1}): error INFRA1004", error); // the app's declaration: where it was reported before
    }

    [Fact]
    public void A_Define_that_throws_is_an_error_at_the_line_that_threw()
    {
        var throwing = new TestCatalog(() => throw new InvalidOperationException("no estate today")); var line = Line();

        var error = ModelRejection.Run(_temp, throwing, exitCode: ExitCodes.Refused);

        Assert.Contains($"BadModelTests.cs({line}): error INFRA1000: The model threw while defining the estate: InvalidOperationException: no estate today", error);
    }

    [Fact]
    public void An_app_whose_values_fail_on_a_cluster_gets_no_second_error_telling_to_remove_its_tag()
    {
        // Both fail on prod before they read the image tag, whose line in releases.yaml is right.
        var good = FixtureModel.Web();
        var web = new App<WebValues>(good.Chart, c => c.Cluster.Env.IsProduction ? null : (WebValues?)good.ValuesFor(c));
        var throwing = new App<WebValues>(good.Chart, c => c.Cluster.Env.IsProduction ? throw new InvalidOperationException("no prod yet") : (WebValues?)good.ValuesFor(c));

        var returnedNull = FailsWithoutTouchingOut(FixtureModel.Estate(apps: [web, FixtureModel.Db()]));
        var threw = FailsWithoutTouchingOut(FixtureModel.Estate(apps: [throwing, FixtureModel.Db()]));

        Assert.Contains("error INFRA1003: App 'web' has no values for cluster 'prod-sgp-1'", returnedNull);
        Assert.Contains("error INFRA1004: ", threw);
        // Whether the failed values would read the tag is unknown, so its line is not called unused.
        Assert.DoesNotContain("INFRA1103", returnedNull);
        Assert.DoesNotContain("INFRA1103", threw);
    }

    [Fact]
    public void A_releases_section_of_an_unknown_cluster_or_a_line_of_an_unknown_app_names_what_exists()
    {
        var releases = "dev-sgp-1:\n  web: sha-a1b2c3d\n  wbe: sha-a1b2c3d\nprod-sgp-1:\n  web: sha-9f8e7d6\nprod-sgp-2:\n  web: sha-9f8e7d6\n";

        var error = FailsWithoutTouchingOut(FixtureModel.Estate(), releases);

        Assert.Contains("model/releases.yaml(3): error INFRA1103: releases.yaml sets a tag for app 'wbe' on cluster 'dev-sgp-1', but the model has no app 'wbe'; the apps are db, web. Correct the name or remove the line.", error);
        Assert.Contains("model/releases.yaml(7): error INFRA1103: releases.yaml sets a tag for app 'web' on cluster 'prod-sgp-2', but the model has no cluster 'prod-sgp-2'; the clusters are dev-sgp-1, prod-sgp-1. Correct the name or remove the line.", error);
    }

    [Fact]
    public void A_production_tier_without_approvers_is_an_error_at_its_first_cluster()
    {
        var prod = new Env("prod", IsProduction: true);
        Cluster cluster = new(prod, FixtureModel.Sgp1); var line = Line();

        var error = FailsWithoutTouchingOut(FixtureModel.Estate(clusters: [new Cluster(FixtureModel.Dev, FixtureModel.Sgp1), cluster]));

        Assert.Contains($"{ThisFile}({line}): error INFRA1012: Env 'prod' (of cluster 'prod-sgp-1') is a production tier but names no Approvers", error);
    }

    [Theory]
    [InlineData("platform-leads")]
    [InlineData("@")]
    [InlineData("@org/")]
    [InlineData("@-bad")]
    [InlineData("")]
    [InlineData("@cogrion/platform-leads\n")] // would break its CODEOWNERS line in two
    public void An_approver_that_is_not_a_GitHub_owner_is_an_error(string approver)
    {
        var prod = FixtureModel.Prod with { Approvers = ["@example/prod-approvers", approver] };
        Cluster cluster = new(prod, FixtureModel.Sgp1); var line = Line();

        var error = FailsWithoutTouchingOut(FixtureModel.Estate(clusters: [new Cluster(FixtureModel.Dev, FixtureModel.Sgp1), cluster]));

        Assert.Contains($"{ThisFile}({line}): error INFRA1013: Env 'prod' Approvers {ImageTag.Quote(approver)} is not allowed: it must be a GitHub user (@alice), a team (@org/team) or an e-mail address.", error);
    }

    [Theory]
    [InlineData("out", "out/.github/CODEOWNERS", "is not a place GitHub reads CODEOWNERS from; use one of .github/CODEOWNERS, CODEOWNERS, docs/CODEOWNERS.")]
    [InlineData("", "docs/CODEOWNERS", "the tree is the repository root (TreePath is empty), so its .github/CODEOWNERS is the one GitHub reads; leave CodeOwnersPath unset.")]
    public void A_code_owners_path_GitHub_does_not_read_is_an_error(string treePath, string path, string message)
    {
        var estate = FixtureModel.Estate() with { Repo = new GitRepo("https://github.com/example/infra", "main") { TreePath = treePath, CodeOwnersPath = path } }; var line = Line();

        var error = FailsWithoutTouchingOut(estate);

        Assert.Contains($"{ThisFile}({line}): error INFRA1008: Estate Repo.CodeOwnersPath '{path}'", error);
        Assert.Contains(message, error);
    }

    [Theory]
    [InlineData("git.example.com/infra", "main", "Estate Repo.Url 'git.example.com/infra' must be an absolute https://, ssh:// or git:// URL.")]
    [InlineData("https://github.com/example/infra", " ", "Estate Repo.Revision must name the branch or tag Argo CD follows.")]
    public void A_repository_Argo_CD_cannot_follow_is_an_error_at_its_declaration(string url, string revision, string message)
    {
        var estate = FixtureModel.Estate() with { Repo = new GitRepo(url, revision) { TreePath = "out" } }; var line = Line();

        var error = FailsWithoutTouchingOut(estate);

        Assert.Contains($"{ThisFile}({line}): error INFRA1008: {message}", error);
    }

    [Fact]
    public void Every_problem_of_a_run_is_reported_together()
    {
        Cluster a = new(new Env("Dev", false), FixtureModel.Sgp1);
        Cluster b = new(FixtureModel.Prod, new Region("sgp_1", "x"));

        var error = FailsWithoutTouchingOut(FixtureModel.Estate(clusters: [a, b]));

        Assert.Contains("'Dev' is not allowed", error);
        Assert.Contains("'sgp_1' is not allowed", error);
        Assert.Contains("infragen: 2 error(s); out/ was not changed.", error);
    }

    /// <summary>Generates the good fixture into out/, then runs the bad estate and checks out/ did not change.</summary>
    private string FailsWithoutTouchingOut(Estate bad, string releases = FixtureModel.Releases)
    {
        var paths = FixtureModel.CreateFiles(_temp);
        Assert.Equal(0, HostRun.Generate(new TestCatalog(FixtureModel.Estate()), paths).ExitCode);
        var before = TempDirectory.Snapshot(paths.OutDirectory);
        Assert.NotEmpty(before);
        File.WriteAllText(paths.ReleasesFile, releases);

        var run = HostRun.Generate(new TestCatalog(bad), paths);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(before, TempDirectory.Snapshot(paths.OutDirectory));
        return run.Error.Replace(_temp.Path.Replace('\\', '/') + "/", string.Empty).Replace(ThisFileDirectory() + "/", string.Empty);
    }

    /// <summary>The test project directory, so caller paths show as project-relative like a model's do.</summary>
    private static string ThisFileDirectory([CallerFilePath] string file = "") =>
        Path.GetDirectoryName(Path.GetDirectoryName(file))!.Replace('\\', '/');

    public void Dispose() => _temp.Dispose();
}
