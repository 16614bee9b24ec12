using System.Runtime.CompilerServices;
using Cogrion.Infra;
using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Generated;
using Cogrion.InfraGen.Hosting;
using Cogrion.InfraGen.Inspection;
using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Pipeline;
using Cogrion.InfraGen.Rendering;
using Cogrion.InfraGen.Tests.Support;
using Cogrion.InfraGen.Tests.Validation;

namespace Cogrion.InfraGen.Tests.Model;

/// <summary>
/// Apps on some clusters only (issue 14 item 3): <see cref="App.RunsOn"/> decides where an app has an Application, a
/// values file, a releases.yaml line and checks; <see cref="App.SyncPolicy"/> may differ per cluster.
/// </summary>
public sealed class RunsOnTests : IDisposable
{
    /// <summary>releases.yaml with web's tag on prod only.</summary>
    private const string ProdReleases = "prod-sgp-1:\n  web: sha-9f8e7d6\n";

    private readonly TempDirectory _temp = new();

    private static int Line([CallerLineNumber] int line = 0) => line;

    private static App<WebValues> WebOnProduction() => Web(c => c.Env.IsProduction);

    private static App<WebValues> Web(Func<Cluster, bool> runsOn, Func<Cluster, SyncPolicy>? syncPolicy = null, [CallerLineNumber] int line = 0, [CallerFilePath] string file = "")
    {
        var web = FixtureModel.Web();
        return new App<WebValues>(web.Chart, c => (WebValues?)web.ValuesFor(c), file, line)
        {
            DependsOn = web.DependsOn,
            Secrets = web.Secrets,
            RunsOn = runsOn,
            SyncPolicy = syncPolicy ?? (_ => SyncPolicy.Default),
        };
    }

    [Fact]
    public void An_app_on_production_only_has_its_Application_values_and_release_line_on_production_only()
    {
        using var harness = new ValidationHarness(FixtureModel.Estate(apps: [WebOnProduction(), FixtureModel.Db()]), ProdReleases);
        var tree = InfraPipeline.Render(harness.Model); // Validated: completeness, value files and the root's directory agree.

        Assert.False(tree.Files.ContainsKey("argocd/apps/dev-sgp-1/web.yaml"));
        Assert.False(tree.Files.ContainsKey("values/dev-sgp-1/web.yaml"));
        Assert.True(tree.Files.ContainsKey("argocd/apps/prod-sgp-1/web.yaml"));
        Assert.True(tree.Files.ContainsKey("values/prod-sgp-1/web.yaml"));
        Assert.True(tree.Files.ContainsKey("charts/web/Chart.yaml"));
        Assert.True(tree.Files.ContainsKey("argocd/apps/dev-sgp-1/db.yaml"));

        var dev = harness.Model.Clusters.Single(c => c.Name == "dev-sgp-1");
        Assert.Equal(["db"], harness.Model.On(dev).Select(p => p.App.Name));
        Assert.Null(harness.Model.Find(dev, harness.Model.Apps.Single(a => a.Name == "web")));

        // Each app has its own AppProject where it runs; the bootstraps name no app at all.
        Assert.Contains("kind: AppProject\nmetadata:\n  name: web\n", tree.Files["argocd/apps/prod-sgp-1/web.yaml"].Text);
        Assert.DoesNotContain("web", tree.Files["argocd/bootstrap/dev-sgp-1.yaml"].Text.Replace("https://github.com", "", StringComparison.Ordinal));
        Assert.Contains("Apps on some clusters only (their RunsOn): web on prod-sgp-1.", tree.Files["README.md"].Text);
    }

    [Fact]
    public void The_secrets_inventory_lists_an_app_s_secrets_only_where_it_runs()
    {
        using var harness = new ValidationHarness(FixtureModel.Estate(apps: [WebOnProduction(), FixtureModel.Db()]), ProdReleases);

        var secrets = SecretInventory.For(harness.Model);

        Assert.Equal([("prod-sgp-1", "web", "example/prod/sgp-1/db-password")], secrets.Select(s => (s.Cluster, s.App, s.RemoteKey)));
    }

    [Fact]
    public void The_charts_of_an_app_on_some_tiers_are_owned_by_those_tiers_approvers_only()
    {
        var devOnly = new App<StrictValues>(new ChartSpec("1.0.0", "strict"), _ => new StrictValues { Replicas = 1 }) { RunsOn = c => !c.Env.IsProduction };
        using var harness = new ValidationHarness(FixtureModel.Estate(apps: [WebOnProduction(), FixtureModel.Db(), devOnly]), ProdReleases);

        var owners = CodeOwnersFile.Render(harness.Model)!;

        Assert.Contains("/out/charts/ @example/prod-approvers\n", owners);
        Assert.Contains("/out/charts/strict/\n", owners); // Runs in dev only: a dev change needs nobody's approval.
        Assert.Contains("/out/charts/web/ @example/prod-approvers\n", owners);
        Assert.DoesNotContain("/out/charts/db/", owners); // Runs on every tier: the charts/ line holds.
    }

    [Fact]
    public void INFRA1103_a_release_line_for_a_cluster_the_app_does_not_run_on()
    {
        var error = Assert.Throws<InfraGenException>(() => ModelLoader.Load(FixtureModel.Estate(apps: [WebOnProduction(), FixtureModel.Db()]), FixtureModel.CreateFiles(_temp)));

        var problem = Assert.Single(error.Diagnostics);
        Assert.Equal(("INFRA1103", 3), (problem.Code, problem.Location.Line));
        Assert.Equal("releases.yaml sets a tag for app 'web' on cluster 'dev-sgp-1', but the app does not run there (its RunsOn leaves the cluster out); remove the line.", problem.Message);
    }

    [Fact]
    public void INFRA1016_an_app_that_depends_on_an_app_absent_from_the_same_cluster()
    {
        var web = FixtureModel.Web(); var line = Line();
        var db = new App<DbValues>(FixtureModel.Db().Chart, c => (DbValues?)FixtureModel.Db().ValuesFor(c)) { RunsOn = c => c.Env.IsProduction };

        var error = Assert.Throws<InfraGenException>(() => ModelLoader.Load(FixtureModel.Estate(apps: [web, db]), FixtureModel.CreateFiles(_temp)));

        var problem = Assert.Single(error.Diagnostics);
        Assert.Equal("INFRA1016", problem.Code);
        Assert.StartsWith("App 'web' runs on cluster 'dev-sgp-1' and DependsOn 'db', which does not run there (its RunsOn leaves the cluster out)", problem.Message);
        Assert.Equal(line, problem.Location.Line);
    }

    [Fact]
    public void INFRA1016_for_the_secret_store_names_the_apps_Secrets_not_its_DependsOn()
    {
        var estate = new InfraCatalog().CreateModel().Define();
        var store = new App<ExternalSecretsValues>(ExternalSecrets.App.Chart, c => (ExternalSecretsValues?)ExternalSecrets.App.ValuesFor(c))
        {
            SyncPolicy = ExternalSecrets.App.SyncPolicy, RunsOn = c => c.Env.IsProduction,
        };
        var prodOnlyStore = estate with { Apps = [.. estate.Apps.Select(a => a == ExternalSecrets.App ? store : a)], SecretStoreApp = store };

        var error = ModelRejection.Run(_temp, prodOnlyStore, exitCode: 2);

        // control-plane's DependsOn lists keycloak and temporal only: the dependency on the store comes from its Secrets.
        Assert.Contains(
            "App 'control-plane' runs on cluster 'dev-sgp-1' and reads Secrets, so it depends on 'external-secrets', the estate's SecretStoreApp "
            + "(its ExternalSecret needs the store), which does not run there (its RunsOn leaves the cluster out): Argo CD would sync 'control-plane' without what it needs. "
            + "Run 'external-secrets' on 'dev-sgp-1' too, or leave 'dev-sgp-1' out of the RunsOn of 'control-plane'.",
            error);
    }

    [Fact]
    public void INFRA1017_a_RunsOn_that_throws_and_a_SyncPolicy_that_returns_null()
    {
        var throwing = Web(c => c.Region.AwsRegion.Length > 0 ? throw new InvalidOperationException("no regions yet") : true);
        var nullPolicy = new App<DbValues>(FixtureModel.Db().Chart, c => (DbValues?)FixtureModel.Db().ValuesFor(c)) { SyncPolicy = _ => null! };

        var error = Assert.Throws<InfraGenException>(() => ModelLoader.Load(FixtureModel.Estate(apps: [throwing, nullPolicy]), FixtureModel.CreateFiles(_temp)));

        Assert.Contains(error.Diagnostics, d => d.Code == "INFRA1017" && d.Message == "App 'web' RunsOn threw InvalidOperationException: no regions yet for cluster 'dev-sgp-1'; it must return a value for every cluster of the estate."
            && d.Location.File.EndsWith("RunsOnTests.cs", StringComparison.Ordinal));
        Assert.Contains(error.Diagnostics, d => d.Code == "INFRA1017" && d.Message == "App 'db' SyncPolicy returned null for cluster 'prod-sgp-1'; it must return a value for every cluster of the estate.");
        Assert.DoesNotContain(error.Diagnostics, d => d.Message.Contains("NullReference", StringComparison.Ordinal));
    }

    [Fact]
    public void INFRA1018_an_app_that_runs_nowhere_and_a_cluster_that_runs_nothing()
    {
        var nowhere = Web(_ => false);
        var prodOnlyDb = new App<DbValues>(FixtureModel.Db().Chart, c => (DbValues?)FixtureModel.Db().ValuesFor(c)) { RunsOn = c => c.Env.IsProduction };

        var error = Assert.Throws<InfraGenException>(() => ModelLoader.Load(FixtureModel.Estate(apps: [nowhere, prodOnlyDb]), FixtureModel.CreateFiles(_temp, releases: null)));

        Assert.Contains(error.Diagnostics, d => d.Code == "INFRA1018" && d.Message.StartsWith("App 'web' runs on no cluster: its RunsOn is false for every one (dev-sgp-1, prod-sgp-1).", StringComparison.Ordinal));
        Assert.Contains(error.Diagnostics, d => d.Code == "INFRA1018" && d.Message.StartsWith("Cluster 'dev-sgp-1' runs no app", StringComparison.Ordinal));
    }

    [Fact]
    public void A_sync_policy_can_differ_per_cluster()
    {
        var web = Web(_ => true, c => c.Env.IsProduction ? new SyncPolicy(Automated: false) : SyncPolicy.Default);
        using var harness = new ValidationHarness(FixtureModel.Estate(apps: [web, FixtureModel.Db()]));

        Assert.DoesNotContain("automated", harness.Tree.Files["argocd/apps/prod-sgp-1/web.yaml"].Text);
        Assert.Contains("automated:\n      prune: true\n      selfHeal: true\n", harness.Tree.Files["argocd/apps/dev-sgp-1/web.yaml"].Text);
        Assert.Contains("automated:", harness.Tree.Files["argocd/apps/prod-sgp-1/db.yaml"].Text);
    }

    [Fact]
    public void INFRA2105_an_Application_of_an_app_on_a_cluster_it_does_not_run_on()
    {
        using var harness = new ValidationHarness(FixtureModel.Estate(apps: [WebOnProduction(), FixtureModel.Db()]), ProdReleases);
        var dev = harness.Model.Clusters.Single(c => c.Name == "dev-sgp-1");
        var stray = harness.Tree.Files["argocd/apps/prod-sgp-1/web.yaml"] with { Path = "argocd/apps/dev-sgp-1/web.yaml", Cluster = dev };

        var problems = harness.Reject(ValidationHarness.With(harness.Tree, stray));

        var problem = Assert.Single(problems, p => p.Code == "INFRA2105");
        Assert.Equal("argocd/apps/dev-sgp-1/web.yaml", problem.OutputPath);
        Assert.StartsWith("Cluster 'dev-sgp-1' has an Application for 'web', which does not run there (its RunsOn leaves the cluster out)", problem.Message);
    }

    [Fact]
    public void Comparing_two_clusters_shows_an_app_that_runs_on_one_of_them_only()
    {
        using var harness = new ValidationHarness(FixtureModel.Estate(apps: [WebOnProduction(), FixtureModel.Db()]), ProdReleases);
        var (dev, prod) = (harness.Model.Clusters[0], harness.Model.Clusters[1]);

        var web = Assert.Single(ClusterComparison.Compare(harness.Model, harness.Tree, dev, prod, ["web"]).Apps);

        // Each of its files is on prod-sgp-1 only, and said so; the comparison does not list every value against nothing.
        Assert.True(web.Differs);
        Assert.Equal([("values", "prod-sgp-1"), ("application", "prod-sgp-1")], web.Files.Select(f => (f.Name, f.OnlyOn)));
    }

    [Fact]
    public void Explain_and_set_image_say_when_an_app_does_not_run_on_the_cluster()
    {
        var paths = FixtureModel.CreateFiles(_temp, ProdReleases);
        var catalog = new TestCatalog(FixtureModel.Estate(apps: [WebOnProduction(), FixtureModel.Db()]));
        string[] where = ["--model", paths.ModelDirectory, "--out", paths.OutDirectory];

        var explain = HostRun.Run(catalog, ["explain", "out/values/dev-sgp-1/web.yaml", .. where]);
        var setImage = HostRun.Run(catalog, ["set-image", "--cluster", "dev-sgp-1", "--app", "web", "--tag", "sha-1234567", .. where]);

        Assert.Equal(ExitCodes.Refused, explain.ExitCode);
        Assert.Contains("'out/values/dev-sgp-1/web.yaml' is not generated: app 'web' does not run on cluster 'dev-sgp-1' (its RunsOn leaves the cluster out).", explain.Error);
        Assert.Equal(ExitCodes.Refused, setImage.ExitCode);
        Assert.Contains("app 'web' does not run on cluster 'dev-sgp-1' (its RunsOn leaves the cluster out), so releases.yaml has no line for it. Nothing was changed.", setImage.Error);
        Assert.Equal(ProdReleases, File.ReadAllText(paths.ReleasesFile));
    }

    [Fact]
    public void Narrowing_an_app_to_fewer_clusters_is_a_deliberate_deletion()
    {
        var paths = FixtureModel.CreateGenerated(_temp);
        File.WriteAllText(paths.ReleasesFile, ProdReleases);
        var narrowed = FixtureModel.Estate(apps: [WebOnProduction(), FixtureModel.Db()]);

        var refused = HostRun.Generate(new TestCatalog(narrowed), paths);

        Assert.Equal(ExitCodes.Refused, refused.ExitCode);
        Assert.Contains("error INFRA1014: App 'web' no longer runs on dev-sgp-1 (its RunsOn leaves it out), so this run would remove its Application there", refused.Error);
        Assert.True(File.Exists(Path.Combine(paths.OutDirectory, "argocd", "apps", "dev-sgp-1", "web.yaml")));

        var recorded = HostRun.Generate(new TestCatalog(narrowed with { Retired = [new Retirement("web", "prod only from now on")] }), paths);

        Assert.True(recorded.ExitCode == 0, recorded.Error);
        Assert.False(File.Exists(Path.Combine(paths.OutDirectory, "argocd", "apps", "dev-sgp-1", "web.yaml")));
        Assert.True(File.Exists(Path.Combine(paths.OutDirectory, "argocd", "apps", "prod-sgp-1", "web.yaml")));
    }

    [Trait("Speed", "Slow")]
    [Fact]
    public void The_render_stage_renders_an_app_only_on_the_clusters_it_runs_on()
    {
        var catalog = RealCatalog.With(estate => estate with
        {
            Apps = [.. estate.Apps.Select(a => a.Name != Observability.App.Name ? a : new App<ObservabilityValues>(Observability.App.Chart, c => (ObservabilityValues?)Observability.App.ValuesFor(c))
            {
                DependsOn = Observability.App.DependsOn, Secrets = Observability.App.Secrets, AcceptedFindings = Observability.App.AcceptedFindings,
                SyncPolicy = Observability.App.SyncPolicy, RunsOn = c => c.Env.IsProduction,
            })],
        });

        var (tree, report) = InfraPipeline.RenderWithHelm(catalog, RealModel.Paths, PinnedHelm.Options(app: "observability"));

        Assert.Empty(report.Diagnostics);
        Assert.Equal(["prod-sgp-1"], report.Estate.Releases.Where(r => r.App.Name == "observability").Select(r => r.Cluster.Name));
        Assert.Equal(new InfraCatalog().CreateModel().Define().Apps.Count * 2 - 1, report.Estate.Releases.Count);
        Assert.False(tree.Files.ContainsKey("values/dev-sgp-1/observability.yaml"));
    }

    public void Dispose() => _temp.Dispose();
}
