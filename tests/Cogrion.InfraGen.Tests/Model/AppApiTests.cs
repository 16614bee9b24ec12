using System.Runtime.CompilerServices;
using Cogrion.Infra;
using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Pipeline;
using Cogrion.InfraGen.Tests.Support;
using Cogrion.InfraGen.Validation;

namespace Cogrion.InfraGen.Tests.Model;

/// <summary>
/// The model API says each name once (issue 15): the namespace defaults to the app's name, dependencies are app
/// objects, the Secret an app's ExternalSecret writes is derived, and InfraGen supplies global.region and
/// global.environment to every chart.
/// </summary>
public sealed class AppApiTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private static int Line([CallerLineNumber] int line = 0) => line;

    [Fact]
    public void An_app_s_namespace_is_its_name_unless_the_model_sets_another()
    {
        var renamed = new App<DbValues>(FixtureModel.Db().Chart, c => (DbValues?)FixtureModel.Db().ValuesFor(c)) { Namespace = "storage" };

        using var harness = new ValidationHarness(FixtureModel.Estate(apps: [FixtureModel.Web(), renamed]));
        var tree = InfraPipeline.Render(harness.Model);

        Assert.Equal("web", FixtureModel.Web().Namespace);
        Assert.Contains("    namespace: web\n", tree.Files["argocd/apps/dev-sgp-1/web.yaml"].Text);
        Assert.Contains("    namespace: storage\n", tree.Files["argocd/apps/dev-sgp-1/db.yaml"].Text);
    }

    [Fact]
    public void A_dependency_is_an_app_object_and_its_wave_follows_it()
    {
        using var harness = new ValidationHarness();

        var web = harness.Model.Apps.Single(a => a.Name == "web");
        Assert.Equal(1, harness.Model.Chart(web).SyncWave);
        Assert.Equal("db", Assert.Single(web.DependsOn).Name);
        Assert.Contains("argocd.argoproj.io/sync-wave: \"1\"", harness.Tree.Files["argocd/apps/prod-sgp-1/web.yaml"].Text);
    }

    [Fact]
    public void INFRA1015_two_apps_whose_initializers_reference_each_other_is_a_model_error_not_a_NullReferenceException()
    {
        // Whichever class the runtime initializes second sees the first's field still null: the model error names it.
        var estate = FixtureModel.Estate(apps: [MutualWeb.App, MutualDb.App]);

        var error = Assert.Throws<InfraGenException>(() => ModelLoader.Load(estate, FixtureModel.CreateFiles(_temp)));

        var problem = Assert.Single(error.Diagnostics);
        Assert.Equal("INFRA1015", problem.Code);
        Assert.Matches(@"^App '(web|db)' DependsOn entry 1 is null: the app it names did not exist yet when this list was built\.", problem.Message);
        Assert.Contains("static classes reference each other in their initializers", problem.Message);
        Assert.EndsWith("AppApiTests.cs", problem.Location.File);
    }

    [Fact]
    public void INFRA1015_a_null_entry_of_the_estate_s_apps_is_named_by_its_place()
    {
        var estate = FixtureModel.Estate(apps: [FixtureModel.Web(), FixtureModel.Db(), null!]);

        var error = Assert.Throws<InfraGenException>(() => ModelLoader.Load(estate, FixtureModel.CreateFiles(_temp)));

        Assert.StartsWith("Estate Apps entry 3 is null", Assert.Single(error.Diagnostics, d => d.Code == "INFRA1015").Message);
    }

    [Fact]
    public void INFRA1005_a_dependency_the_estate_does_not_list()
    {
        var web = FixtureModel.Web(); var line = Line();

        var error = Assert.Throws<InfraGenException>(() => ModelLoader.Load(FixtureModel.Estate(apps: [web]), FixtureModel.CreateFiles(_temp)));

        var problem = Assert.Single(error.Diagnostics);
        Assert.Equal(("INFRA1005", "App 'web' DependsOn 'db', which is not an app of the estate."), (problem.Code, problem.Message));
        Assert.Equal(line, problem.Location.Line);
    }

    [Fact]
    public void The_secret_an_app_s_ExternalSecret_writes_is_derived_and_the_real_model_s_values_name_that_one()
    {
        foreach (var (app, path) in new (App App, string[] Path)[]
        {
            (Keycloak.App, ["keycloakx", "database", "existingSecret"]),
            (Temporal.App, ["temporal", "server", "config", "persistence", "default", "sql", "existingSecret"]),
            (Observability.App, ["kube-prometheus-stack", "grafana", "admin", "existingSecret"]),
        })
        {
            Assert.Equal($"{app.Name}-secrets", app.SecretName);
            var externalSecret = RealModel.Tree.Files[$"charts/{app.Name}/templates/externalsecret.yaml"].Documents[0];
            Assert.Equal(app.SecretName, DocPointer.String(externalSecret, "spec", "target", "name"));
            var defaults = RealModel.Tree.Files[$"charts/{app.Name}/values.yaml"].Documents[0];
            Assert.Equal(app.SecretName, DocPointer.String(defaults, path));
        }

        Assert.Contains($"name: {Keycloak.App.SecretName}\n", new KeycloakxValues { Replicas = 1, Ingress = UpstreamIngress.ForHost("h"), Database = new() { Hostname = "h" }, Resources = Sizes.Service(new Cluster(Envs.Dev, Regions.Sgp1)) }.ExtraEnv);
    }

    [Fact]
    public void Every_chart_gets_the_cluster_s_region_and_environment_though_no_values_record_declares_them()
    {
        using var harness = new ValidationHarness();
        var tree = InfraPipeline.Render(harness.Model); // Validated: each chart's schema accepts them.

        // db's record has no global at all; web's has none either: both get it, first, from the cluster.
        Assert.StartsWith("global:\n  region: sgp-1\n  environment: prod\n", Body(tree.Files["values/prod-sgp-1/db.yaml"].Text));
        Assert.StartsWith("global:\n  region: sgp-1\n  environment: dev\n", Body(tree.Files["values/dev-sgp-1/web.yaml"].Text));
        Assert.Contains("\"global\"", tree.Files["charts/db/values.schema.json"].Text);
        Assert.DoesNotContain("global", tree.Files["charts/db/values.yaml"].Text);

        // The real model's GlobalValues declares neither; its values files keep both keys where they were.
        Assert.StartsWith("global:\n  region: sgp-1\n  environment: prod\n  baseDomain: ", Body(RealModel.Tree.Files["values/prod-sgp-1/control-plane.yaml"].Text));
    }

    [Fact]
    public void INFRA1019_a_values_record_that_sets_a_value_InfraGen_supplies()
    {
        var own = new App<OwnRegionValues>(new ChartSpec("1.0.0", "own"), _ => new OwnRegionValues());

        var error = Assert.Throws<InfraGenException>(() => ModelLoader.Load(FixtureModel.Estate(apps: [FixtureModel.Web(), FixtureModel.Db(), own]), FixtureModel.CreateFiles(_temp)));

        var problem = Assert.Single(error.Diagnostics); // Once for the app, not once per cluster.
        Assert.Equal("INFRA1019", problem.Code);
        Assert.Equal("App 'own': Tests.OwnRegionValues sets 'global.region', which InfraGen supplies to every chart from the cluster (global.region, global.environment); remove the property from the values record.", problem.Message);
        Assert.Equal(OwnRegionValues.RegionDeclaredAt, problem.Location);
    }

    private static string Body(string text) => string.Concat(text.Split('\n').SkipWhile(l => l.StartsWith('#')).Select(l => l + "\n"))[..^1];

    public void Dispose() => _temp.Dispose();
}

/// <summary>Two apps whose static initializers list each other: the trap INFRA1015 names.</summary>
internal static class MutualWeb
{
    public static readonly App<WebValues> App = new(FixtureModel.Web().Chart, c => (WebValues?)FixtureModel.Web().ValuesFor(c)) { DependsOn = [MutualDb.App] };
}

/// <summary>The other half of <see cref="MutualWeb"/>.</summary>
internal static class MutualDb
{
    public static readonly App<DbValues> App = new(FixtureModel.Db().Chart, c => (DbValues?)FixtureModel.Db().ValuesFor(c)) { DependsOn = [MutualWeb.App] };
}

/// <summary>A values type written by hand that still sets global.region itself (the API before InfraGen supplied it).</summary>
public sealed class OwnRegionValues : IHelmValues<OwnRegionValues>
{
    public static readonly SourceLocation RegionDeclaredAt = new("OwnRegionValues.cs", 9);

    public static HelmValuesInfo ValuesInfo { get; } = new("own", "Tests.OwnRegionValues", """{ "type": "object" }""", () => new DocMap(), new SourceLocation("OwnRegionValues.cs", 3))
    {
        PropertyOrigins = new Dictionary<string, SourceLocation> { ["global"] = new("OwnRegionValues.cs", 5), ["global.region"] = RegionDeclaredAt },
    };

    public DocMap ToValuesDocument() => new() { { "global", new DocMap { { "region", "sgp-1" } } } };
}
