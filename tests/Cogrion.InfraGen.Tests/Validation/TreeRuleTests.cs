using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Rendering;
using Cogrion.InfraGen.Tests.Support;
using Cogrion.InfraGen.Validation;

namespace Cogrion.InfraGen.Tests.Validation;

/// <summary>
/// Rules the typed model cannot break (the renderer gets them right by construction), checked on trees broken
/// by hand, as a renderer bug or a hand edit would break them: each is refused with file, pointer and model line,
/// and out/ hashes the same before and after.
/// </summary>
public sealed class TreeRuleTests : IDisposable
{
    private const string ProdRoot = "argocd/root/prod-sgp-1.yaml";
    private const string ProdWeb = "argocd/apps/prod-sgp-1/web.yaml";
    private const string ProdDb = "argocd/apps/prod-sgp-1/db.yaml";
    private readonly ValidationHarness _fixture = new();

    [Fact]
    public void INFRA2001_an_unquoted_chart_version_is_a_number_and_Helm_wants_a_string()
    {
        var chart = _fixture.Document("charts/db/Chart.yaml");
        chart.Set("version", DocScalar.Decimal(1.0m));

        var problem = Single(ValidationHarness.With(_fixture.Tree, "charts/db/Chart.yaml", chart), "INFRA2001");

        Assert.Equal("charts/db/Chart.yaml", problem.OutputPath);
        Assert.Equal("/version", problem.Pointer);
        Assert.Contains("Helm Chart.yaml (SchemaStore chart.json): 1 (a decimal number) has the wrong type; allowed: a value of type string.", problem.Message);
        Assert.Equal(_fixture.Model.Apps.Single(a => a.Name == "db").DeclaredAt, problem.Location);
    }

    [Fact]
    public void INFRA2001_an_unknown_field_names_the_fields_allowed()
    {
        var web = _fixture.Document(ProdWeb);
        var helm = (DocMap)DocPointer.Find(web, ["spec", "source", "helm"])!;
        helm.Add("valueFile", new DocSeq { "x.yaml" });

        var problem = Single(ValidationHarness.With(_fixture.Tree, ProdWeb, web), "INFRA2001");

        Assert.Equal("/spec/source/helm/valueFile", problem.Pointer);
        Assert.Contains("'valueFile' is not a field here; allowed: the fields ", problem.Message);
        Assert.Contains("valueFiles", problem.Message);
    }

    [Fact]
    public void INFRA2002_a_kind_InfraGen_has_no_schema_for()
    {
        var set = new DocMap { { "apiVersion", "argoproj.io/v1alpha1" }, { "kind", "ApplicationSet" }, { "metadata", new DocMap { { "name", "all" } } } };

        var problem = Single(ValidationHarness.With(_fixture.Tree, ProdWeb, set), "INFRA2002");

        Assert.Equal("/apiVersion", problem.Pointer);
        Assert.Contains("InfraGen validates and emits only argoproj.io/v1alpha1 Application, argoproj.io/v1alpha1 AppProject", problem.Message);
    }

    [Fact]
    public void INFRA2003_a_bad_chart_default_is_reported_in_the_chart_defaults_file_where_a_cluster_does_not_override_it()
    {
        var defaults = _fixture.Document("charts/web/values.yaml");
        defaults.Add("note", DocScalar.Integer(5)); // dev sets its own note; prod takes this default

        var problem = Single(ValidationHarness.With(_fixture.Tree, "charts/web/values.yaml", defaults), "INFRA2003");

        Assert.Equal("charts/web/values.yaml", problem.OutputPath);
        Assert.Equal("/note", problem.Pointer);
        Assert.Contains("5 (an integer) has the wrong type; allowed: a value of type [string, null].", problem.Message);
    }

    [Fact]
    public void INFRA2101_a_root_that_follows_another_clusters_apps()
    {
        var root = _fixture.Document(ProdRoot);
        ((DocMap)DocPointer.Find(root, ["spec", "source"])!).Set("path", "out/argocd/apps/dev-sgp-1");

        var problem = Single(ValidationHarness.With(_fixture.Tree, ProdRoot, root), "INFRA2101");

        Assert.Equal(ProdRoot, problem.OutputPath);
        Assert.Equal("/spec/source/path", problem.Pointer);
        Assert.Contains("does not hold out/argocd/apps/prod-sgp-1/db.yaml, out/argocd/apps/prod-sgp-1/web.yaml and also holds out/argocd/apps/dev-sgp-1/db.yaml", problem.Message);
        Assert.Equal(_fixture.Model.Clusters.Single(c => c.Name == "prod-sgp-1").DeclaredAt, problem.Location);
    }

    [Fact]
    public void INFRA2101_a_root_path_that_is_no_directory_of_the_tree()
    {
        var root = _fixture.Document(ProdRoot);
        ((DocMap)DocPointer.Find(root, ["spec", "source"])!).Set("path", "argocd/apps/prod-sgp-1");

        var problem = Single(ValidationHarness.With(_fixture.Tree, ProdRoot, root), "INFRA2101");

        Assert.Contains("follows path 'argocd/apps/prod-sgp-1', which lies outside the generated tree (the tree is 'out/' in the repository)", problem.Message);
    }

    [Fact]
    public void INFRA2102_a_child_deploying_another_apps_chart()
    {
        var web = _fixture.Document(ProdWeb);
        ((DocMap)DocPointer.Find(web, ["spec", "source"])!).Set("path", "out/charts/db");

        var problems = _fixture.Reject(ValidationHarness.With(_fixture.Tree, ProdWeb, web));

        var chart = Assert.Single(problems, p => p.Code == "INFRA2102");
        Assert.Equal("Application 'web' deploys chart path 'out/charts/db', which holds chart 'db' in directory 'db'; it must be a chart directory of the tree whose Chart.yaml name is 'web'.", chart.Message);
        Assert.Equal("/spec/source/path", chart.Pointer);
        Assert.DoesNotContain(problems, p => p.Code == "INFRA2103"); // ../../values/prod-sgp-1/web.yaml resolves the same from charts/db
    }

    [Fact]
    public void INFRA2103_a_child_reading_another_clusters_values()
    {
        var web = _fixture.Document(ProdWeb);
        var helm = (DocMap)DocPointer.Find(web, ["spec", "source", "helm"])!;
        helm.Set("valueFiles", new DocSeq { "../../values/dev-sgp-1/web.yaml", "../../values/prod-sgp-1/missing.yaml" });

        var problems = _fixture.Reject(ValidationHarness.With(_fixture.Tree, ProdWeb, web)).Where(p => p.Code == "INFRA2103").ToList();

        Assert.Equal(2, problems.Count);
        Assert.Equal("valueFiles entry '../../values/dev-sgp-1/web.yaml' resolves to out/values/dev-sgp-1/web.yaml, which is not the values of this cluster and app; it must resolve, relative to the chart path, to this cluster's values file out/values/prod-sgp-1/web.yaml.", problems[0].Message);
        Assert.Equal("/spec/source/helm/valueFiles/0", problems[0].Pointer);
        Assert.Contains("resolves to 'out/values/prod-sgp-1/missing.yaml', which is not a file of the tree", problems[1].Message);
        Assert.Equal("/spec/source/helm/valueFiles/1", problems[1].Pointer);
    }

    [Fact]
    public void INFRA2105_a_cluster_missing_its_bootstrap_and_an_Application()
    {
        var problems = _fixture.Reject(ValidationHarness.Without(_fixture.Tree, "argocd/bootstrap/dev-sgp-1.yaml", "argocd/apps/dev-sgp-1/db.yaml"))
            .Where(p => p.Code == "INFRA2105").ToList();

        Assert.Contains(problems, p => p.Message.StartsWith("Cluster 'dev-sgp-1' has no bootstrap;", StringComparison.Ordinal) && p.OutputPath == "argocd/bootstrap/dev-sgp-1.yaml");
        Assert.Contains(problems, p => p.Message.StartsWith("Cluster 'dev-sgp-1' has no Application for app 'db';", StringComparison.Ordinal)
            && p.OutputPath == "argocd/apps/dev-sgp-1/db.yaml" && p.Location == _fixture.Model.Apps.Single(a => a.Name == "db").DeclaredAt);
    }

    [Fact]
    public void INFRA2110_a_values_file_without_the_environment_InfraGen_supplies()
    {
        // The model cannot do this any more (InfraGen supplies global.environment to every chart): a hand edit can.
        var values = _fixture.Document("values/dev-sgp-1/web.yaml");
        var global = new DocMap();
        foreach (var (key, value) in (DocMap)values["global"]!)
        {
            if (key != "environment")
            {
                global.Add(key, value);
            }
        }

        values.Set("global", global);

        var problem = Single(ValidationHarness.With(_fixture.Tree, "values/dev-sgp-1/web.yaml", values), "INFRA2110");

        Assert.Equal("values/dev-sgp-1/web.yaml", problem.OutputPath);
        Assert.Equal("/global/environment", problem.Pointer);
        Assert.StartsWith("The ExternalSecret of chart 'web' reads .Values.global.environment, which the values of cluster 'dev-sgp-1' do not set to the cluster's environment 'dev'", problem.Message);
    }

    [Fact]
    public void INFRA2106_two_Applications_with_one_name_on_a_cluster()
    {
        var db = _fixture.Document(ProdDb);
        ((DocMap)db["metadata"]!).Set("name", "web");

        var problem = Single(ValidationHarness.With(_fixture.Tree, ProdDb, db), "INFRA2106");

        Assert.Equal("Application name 'web' is used twice on cluster 'prod-sgp-1' (also in out/argocd/apps/prod-sgp-1/db.yaml); Application names must be unique per cluster.", problem.Message);
        Assert.Equal(ProdWeb, problem.OutputPath);
        Assert.Equal("/metadata/name", problem.Pointer);
    }

    [Fact]
    public void INFRA2111_a_sync_wave_that_does_not_follow_the_dependencies()
    {
        var web = _fixture.Document(ProdWeb);
        ((DocMap)DocPointer.Find(web, ["metadata", "annotations"])!).Set("argocd.argoproj.io/sync-wave", "0");

        var problem = Single(ValidationHarness.With(_fixture.Tree, ProdWeb, web), "INFRA2111");

        Assert.Equal("On cluster 'prod-sgp-1' app 'web' depends on 'db' but it syncs in wave 0 and 'db' in wave 0; an app's sync wave must be greater than each dependency's (dependencies may not form a cycle).", problem.Message);
        Assert.Equal("/metadata/annotations/argocd.argoproj.io~1sync-wave", problem.Pointer);
    }

    [Fact]
    public void INFRA2203_a_production_Application_on_another_branch_but_dev_may()
    {
        var prod = _fixture.Document(ProdRoot);
        ((DocMap)DocPointer.Find(prod, ["spec", "source"])!).Set("targetRevision", "develop");
        var dev = _fixture.Document("argocd/root/dev-sgp-1.yaml");
        ((DocMap)DocPointer.Find(dev, ["spec", "source"])!).Set("targetRevision", "develop");
        var tree = ValidationHarness.With(ValidationHarness.With(_fixture.Tree, ProdRoot, prod), "argocd/root/dev-sgp-1.yaml", dev);

        var problem = Single(tree, "INFRA2203");

        Assert.Equal("Application on production cluster 'prod-sgp-1' follows targetRevision 'develop'; production must follow the model's revision 'main', never HEAD or another floating branch.", problem.Message);
        Assert.Equal(ProdRoot, problem.OutputPath);
        Assert.Equal("/spec/source/targetRevision", problem.Pointer);
    }

    [Fact]
    public void Every_problem_of_a_tree_is_reported_in_one_run_in_path_order()
    {
        var root = _fixture.Document(ProdRoot);
        ((DocMap)DocPointer.Find(root, ["spec", "source"])!).Set("targetRevision", "HEAD");
        var db = _fixture.Document(ProdDb);
        ((DocMap)db["metadata"]!).Set("name", "web");
        var tree = ValidationHarness.Without(ValidationHarness.With(ValidationHarness.With(_fixture.Tree, ProdRoot, root), ProdDb, db), "argocd/bootstrap/dev-sgp-1.yaml");

        var problems = _fixture.Reject(tree);

        Assert.Equal(["INFRA2105", "INFRA2106", "INFRA2203"], problems.Select(p => p.Code).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(problems.Select(p => p.OutputPath).Order(StringComparer.Ordinal), problems.Select(p => p.OutputPath));
    }

    private Cogrion.InfraGen.Diagnostics.InfraDiagnostic Single(RenderedTree tree, string code)
    {
        var problems = _fixture.Reject(tree);
        return Assert.Single(problems, p => p.Code == code);
    }

    public void Dispose() => _fixture.Dispose();
}
