using System.Runtime.CompilerServices;
using Cogrion.InfraGen.Tests.Support;

namespace Cogrion.InfraGen.Tests.Validation;

// These tests feed secret-looking literals to the run-time policy check on purpose (INFRA2202); the compile-time
// analyzers that would refuse them in a model (INFRA0006, INFRA0007) are silenced here only.
#pragma warning disable INFRA0006, INFRA0007

/// <summary>
/// A model per rule that a model can break: `generate` fails with exit code 1, each error names the model line,
/// the output file and the JSON pointer, and out/ hashes the same before and after.
/// </summary>
public sealed class ModelRuleTests : IDisposable
{
    private const string ThisFile = "ModelRuleTests.cs";
    private readonly TempDirectory _temp = new();

    private static int Line([CallerLineNumber] int line = 0) => line;

    [Fact]
    public void INFRA2001_a_secret_key_the_ExternalSecret_schema_refuses()
    {
        var web = Web(secrets: [new AppSecret("DB PASSWORD", "db-password")]); var line = Line();

        var error = ModelRejection.Run(_temp, FixtureModel.Estate(apps: [web, FixtureModel.Db()]));

        Assert.Contains($"{ThisFile}({line}): error INFRA2001: ExternalSecret (external-secrets.io/v1, External Secrets v2.9.0): 'DB PASSWORD' (a string) does not match the pattern; allowed: a string matching \"^[-._a-zA-Z0-9]+$\". [out/charts/web/templates/externalsecret.yaml /spec/data/0/secretKey]", error);
    }

    [Fact]
    public void INFRA2003_values_that_break_the_charts_own_schema_point_into_the_cluster_file()
    {
        var strict = new App<StrictValues>(new ChartSpec("1.0.0", "strict"), c => new StrictValues { Replicas = c.Cluster.Env.IsProduction ? 10 : 1 });

        var error = ModelRejection.Run(_temp, FixtureModel.Estate(apps: [FixtureModel.Web(), FixtureModel.Db(), strict]));

        // The line is the values property's declaration (HelmValuesInfo.PropertyOrigins), not the app's.
        Assert.Contains($"StrictValues.cs({StrictValues.ReplicasDeclaredAt.Line}): error INFRA2003: Values of chart 'strict' (chart defaults merged with this file, as Helm does) break its values.schema.json: 10 (an integer) breaks maximum; allowed: maximum 5. [out/values/prod-sgp-1/strict.yaml /replicas]", error);
        Assert.DoesNotContain("values/dev-sgp-1/strict.yaml", error);
    }

    [Fact]
    public void INFRA2004_a_values_schema_that_is_not_a_schema()
    {
        var broken = new App<BrokenSchemaValues>(new ChartSpec("1.0.0", "broken"), _ => new BrokenSchemaValues());

        var error = ModelRejection.Run(_temp, FixtureModel.Estate(apps: [FixtureModel.Web(), FixtureModel.Db(), broken]));

        Assert.Contains("TestValuesTypes.cs(55): error INFRA2004: The values.schema.json of chart 'broken' is not a usable JSON Schema:", error);
        Assert.Contains("[out/charts/broken/values.schema.json ]", error);
    }

    [Fact]
    public void INFRA2104_INFRA2101_INFRA2102_a_tree_path_outside_the_repository()
    {
        var estate = FixtureModel.Estate() with { Repo = new GitRepo("https://github.com/example/infra", "main") { TreePath = "../elsewhere" } };

        var (dev, web, db) = (Declared(estate.Clusters, "dev-sgp-1"), Declared(estate.Apps, "web"), Declared(estate.Apps, "db"));

        var error = ModelRejection.Run(_temp, estate);

        // The root points at the cluster's declaration, a child Application at its app's.
        Assert.Contains($"{dev}: error INFRA2101: The root Application of cluster 'dev-sgp-1' follows path '../elsewhere/argocd/apps/dev-sgp-1', which lies outside the generated tree", error);
        Assert.Contains($"{web}: error INFRA2102: Application 'web' deploys chart path '../elsewhere/charts/web', which lies outside the generated tree", error);
        Assert.Contains($"{db}: error INFRA2104: valueFiles entry '../../values/prod-sgp-1/db.yaml' leaves the repository root", error);
        Assert.Contains("[out/argocd/apps/prod-sgp-1/db.yaml /spec/source/helm/valueFiles/0]", error);
    }

    [Fact]
    public void INFRA2107_two_apps_deploying_to_one_namespace()
    {
        var db = new App<DbValues>(new ChartSpec("1.0.0", "db"), c => new DbValues { Region = c.Cluster.Region.Name, Storage = Memory.Gi(1) });
        var web = Web(@namespace: "db"); var line = Line();

        var error = ModelRejection.Run(_temp, FixtureModel.Estate(apps: [web, db]));

        Assert.Contains($"{ThisFile}({line}): error INFRA2107: Destination namespace 'db' is used by two Applications on cluster 'prod-sgp-1' (also out/argocd/apps/prod-sgp-1/db.yaml); each app needs its own namespace. [out/argocd/apps/prod-sgp-1/web.yaml /spec/destination/namespace]", error);
    }

    [Fact]
    public void INFRA2108_a_cluster_naming_another_clusters_host()
    {
        var web = Web(values: c => WebValuesFor(c) with { Host = "web.prod-sgp-1.example.com" }); var line = Line();

        var error = ModelRejection.Run(_temp, FixtureModel.Estate(apps: [web, FixtureModel.Db()]));

        Assert.Contains($"{ThisFile}({line}): error INFRA2108: Values of cluster 'dev-sgp-1' name host 'web.prod-sgp-1.example.com', which is under cluster 'prod-sgp-1''s domain 'prod-sgp-1.example.com'; a cluster's host names must be under its own domain 'dev-sgp-1.example.com'. [out/values/dev-sgp-1/web.yaml /host]", error);
        Assert.DoesNotContain("values/prod-sgp-1/web.yaml /host", error);
    }

    [Fact]
    public void INFRA2109_a_secret_key_convention_without_environment_and_region()
    {
        var estate = FixtureModel.Estate() with { SecretKey = (_, _, name) => $"example/{name}" };
        var web = Declared(estate.Apps, "web"); // The app whose ExternalSecret carries the key (the estate's SecretKey has no line of its own).

        var error = ModelRejection.Run(_temp, estate);

        Assert.Contains($"{web}: error INFRA2109: On cluster 'prod-sgp-1' the secret remote key resolves to 'example/db-password'; remote keys must be <prefix>/<env>/<region>/<name> for the cluster, with one prefix for the whole estate: the model's Estate.SecretKey makes 'example/<name>', which is not of that form. [out/charts/web/templates/externalsecret.yaml /spec/data/0/remoteRef/key]", error);
    }

    [Fact]
    public void INFRA2112_a_template_that_reads_a_key_a_nullable_property_leaves_out()
    {
        // WebValues.Note is nullable and null on prod-sgp-1, so its key is left out there (issue 15: the compiler's
        // advice for a property without a default, "make it nullable", silently dropped a key a template still read).
        var error = ModelRejection.Run(_temp, FixtureModel.Estate(), paths =>
            File.WriteAllText(Path.Combine(paths.ModelDirectory, "charts", "web", "templates", "config.yaml"), """
                kind: ConfigMap
                data:
                  note: {{ .Values.note | quote }}
                  guarded: {{ .Values.note | default "none" }}
                {{- with .Values.note }}
                  again: {{ . }}
                {{- end }}
                  port: {{ .Values.port }}
                  typo: {{ .Values.prot }}
                """));

        var note = WebValues.ValuesInfo.PropertyOrigins["note"].Line; // as the generator recorded the property's declaration
        Assert.Contains($"FixtureModel.cs({note}): error INFRA2112: Template templates/config.yaml of chart 'web' reads .Values.note (line 3), which the values of cluster 'prod-sgp-1' do not set, so Helm renders nothing there; a key a template reads unguarded must be in the values: give the values property a chart default or make it required, or guard the read in the template (if, with, default). [out/charts/web/templates/config.yaml]", error);
        Assert.Contains("model/charts/web/templates/config.yaml(9): error INFRA2112: Template templates/config.yaml of chart 'web' reads .Values.prot (line 9), which the values of clusters 'dev-sgp-1', 'prod-sgp-1' do not set", error);
        Assert.Single(error.Split('\n'), l => l.Contains("INFRA2112", StringComparison.Ordinal) && l.Contains(".Values.note", StringComparison.Ordinal));
        Assert.DoesNotContain(".Values.port", error);
    }

    [Fact]
    public void INFRA2201_an_image_tag_that_is_latest_or_empty()
    {
        var legacy = new App<LegacyValues>(new ChartSpec("1.0.0", "legacy"),
            c => new LegacyValues { Image = new() { Repository = "ghcr.io/example/legacy", Tag = c.Cluster.Env.IsProduction ? "latest" : "" } }); var line = Line();

        var error = ModelRejection.Run(_temp, FixtureModel.Estate(apps: [FixtureModel.Web(), FixtureModel.Db(), legacy]));

        Assert.Contains($"{ThisFile}({line - 1}): error INFRA2201: Image tag 'latest' is not allowed: a deployed image must be pinned to sha- followed by 7 to 40 lower-case hex digits of a git commit (sha-a1b2c3d); never 'latest', never empty. [out/values/prod-sgp-1/legacy.yaml /image/tag]", error);
        Assert.Contains("error INFRA2201: Image tag '' is not allowed", error);
        Assert.Contains("[out/values/dev-sgp-1/legacy.yaml /image/tag]", error);
    }

    [Fact]
    public void INFRA2202_a_literal_password_in_values_and_an_AWS_key_in_a_template()
    {
        var legacy = new App<LegacyValues>(new ChartSpec("1.0.0", "legacy"),
            c => new LegacyValues { Image = new() { Repository = "ghcr.io/example/legacy", Tag = "sha-a1b2c3d" }, AdminPassword = "P@ssw0rd-9fX2q!" }); var line = Line();

        var error = ModelRejection.Run(_temp, FixtureModel.Estate(apps: [FixtureModel.Web(), FixtureModel.Db(), legacy]), paths =>
            File.WriteAllText(Path.Combine(paths.ModelDirectory, "charts", "web", "templates", "config.yaml"), "kind: ConfigMap\ndata:\n  aws_access_key_id: AKIAIOSFODNN7EXAMPLE\n"));

        Assert.Contains($"{ThisFile}({line - 1}): error INFRA2202: Literal secret material in the tree: a high-entropy value under 'adminPassword'. Secrets live in AWS Secrets Manager: add an AppSecret and reference the Kubernetes Secret it creates. [out/values/prod-sgp-1/legacy.yaml /adminPassword]", error);
        Assert.Contains("model/charts/web/templates/config.yaml(3): error INFRA2202: Literal secret material in the tree: an AWS access key ID (line 4)", error);
        Assert.DoesNotContain("existingSecret", error);
    }

    [Fact]
    public void INFRA2203_production_following_HEAD()
    {
        var estate = FixtureModel.Estate() with { Repo = new GitRepo("https://github.com/example/infra", "HEAD") { TreePath = "out" } }; var line = Line();
        var repo = Shown(estate.Repo.DeclaredAt);

        var error = ModelRejection.Run(_temp, estate);

        // The model names HEAD: the error points at the repository's declaration, the line to fix.
        Assert.Equal($"{ThisFile}({line})", repo);
        Assert.Contains($"{repo}: error INFRA2203: Application on production cluster 'prod-sgp-1' follows targetRevision 'HEAD'; production must follow a named branch or tag (the model's Repo.Revision is HEAD: name one), never HEAD or another floating branch. [out/argocd/root/prod-sgp-1.yaml /spec/source/targetRevision]", error);
        Assert.DoesNotContain("dev-sgp-1", error);
    }

    /// <summary>Where the estate declares the cluster or app named <paramref name="name"/>, as an error shows it: <c>File.cs(line)</c>.</summary>
    private static string Declared(IEnumerable<Cluster> clusters, string name) => Shown(clusters.Single(c => c.Name == name).DeclaredAt);

    private static string Declared(IEnumerable<App> apps, string name) => Shown(apps.Single(a => a.Name == name).DeclaredAt);

    private static string Shown(SourceLocation at) => $"{Path.GetFileName(at.File)}({at.Line})";

    private static App<WebValues> Web(
        IReadOnlyList<AppSecret>? secrets = null, string @namespace = "web", Func<AppContext, WebValues>? values = null,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        new(new ChartSpec("1.0.0", "Fixture web app"), values ?? WebValuesFor, file, line)
        {
            Namespace = @namespace,
            DependsOn = [FixtureModel.Db()],
            Secrets = secrets ?? [new AppSecret("DB_PASSWORD", "db-password")],
        };

    private static WebValues WebValuesFor(AppContext c) => new()
    {
        Host = $"web.{c.Cluster.Name}.example.com",
        Image = new() { Repository = "ghcr.io/example/web", Tag = c.ImageTag },
        Replicas = 1,
    };

    public void Dispose() => _temp.Dispose();
}
