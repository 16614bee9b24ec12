using System.Text.Json;
using Cogrion.Infra;
using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Generated;
using Cogrion.InfraGen.Inspection;
using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Rendering;
using Cogrion.InfraGen.Tests.Support;
using Cogrion.InfraGen.Validation;

namespace Cogrion.InfraGen.Tests.Platform;

/// <summary>
/// The platform half of the tree (issue 14): per-app AppProjects from model/footprint.yaml, a bootstrap that no app
/// change touches, the ClusterSecretStore in the external-secrets chart, the IAM policy per cluster, waves derived from
/// the apps' secrets, Argo CD managing itself without a finalizer.
/// </summary>
public sealed class PlatformTreeTests
{
    private static readonly ResolvedEstate Model = ModelLoader.Load(new InfraCatalog(), RealModel.Paths);

    [Fact]
    public void Each_app_has_its_own_project_permitting_exactly_its_footprint_and_never_a_wildcard()
    {
        foreach (var cluster in Model.Clusters)
        {
            foreach (var app in Model.Apps)
            {
                if (Model.Find(cluster, app) is null)
                {
                    continue;
                }

                var file = RealModel.Tree.Files[TreeLayout.Application(cluster.Name, app.Name)];
                var project = (DocMap)file.Documents[0];
                Assert.Equal("AppProject", DocPointer.String(project, "kind"));
                Assert.Equal(app.Name, DocPointer.String(project, "metadata", "name"));
                Assert.Equal(app.Name, DocPointer.String(ArgoCdManifests.ApplicationIn(file.Documents)!, "spec", "project"));
                Assert.Equal("-1", DocPointer.String(project, "metadata", "annotations", "argocd.argoproj.io/sync-wave"));

                var footprint = Model.Footprint.Find(app.Name)!;
                var destinations = ((DocSeq)DocPointer.Find(project, ["spec", "destinations"])!).OfType<DocMap>().Select(d => DocPointer.String(d, "namespace")!);
                Assert.Equal(footprint.Namespaces.Append(app.Namespace).Distinct().Order(StringComparer.Ordinal), destinations);
                var kinds = ((DocSeq)DocPointer.Find(project, ["spec", "clusterResourceWhitelist"])!).OfType<DocMap>()
                    .Select(k => (DocPointer.String(k, "group")!, DocPointer.String(k, "kind")!, DocPointer.String(k, "name"))).ToList();
                Assert.Equal(("", "Namespace", app.Namespace), kinds[0]); // CreateNamespace=true: its own Namespace, by name.
                Assert.Equal(footprint.ClusterKinds.Select(k => (k.Group, k.Kind, (string?)null)), kinds.Skip(1));
                Assert.DoesNotContain("*", file.Text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void The_bootstrap_is_byte_identical_when_an_app_is_added()
    {
        var estate = new InfraCatalog().CreateModel().Define();

        var more = TreeRenderer.Render(ModelLoader.Load(estate with { Apps = [.. estate.Apps, Renamed(Keycloak.App, "billing")] }, RealModel.Paths));
        var fewer = TreeRenderer.Render(ModelLoader.Load(estate with { Apps = [.. estate.Apps.Where(a => a != Observability.App)] }, RealModel.Paths));

        foreach (var cluster in Model.Clusters)
        {
            var path = TreeLayout.Bootstrap(cluster.Name);
            Assert.Equal(RealModel.Tree.Files[path].Text, more.Files[path].Text);
            Assert.Equal(RealModel.Tree.Files[path].Text, fewer.Files[path].Text);
        }

        Assert.Contains(TreeLayout.Application("dev-sgp-1", "billing"), more.Files.Keys);
        Assert.DoesNotContain(TreeLayout.Application("dev-sgp-1", "observability"), fewer.Files.Keys);
    }

    [Fact]
    public void Argo_CD_manages_itself_without_the_resources_finalizer_and_never_prunes()
    {
        var argocd = ArgoCdManifests.ApplicationIn(RealModel.Tree.Files[TreeLayout.Application("prod-sgp-1", "argocd")].Documents)!;
        Assert.Null(DocPointer.Find(argocd, ["metadata", "finalizers"]));
        Assert.Equal("false", ((DocScalar)DocPointer.Find(argocd, ["spec", "syncPolicy", "automated", "prune"])!).Text);
        Assert.Equal("true", ((DocScalar)DocPointer.Find(argocd, ["spec", "syncPolicy", "automated", "selfHeal"])!).Text);

        var keycloak = ArgoCdManifests.ApplicationIn(RealModel.Tree.Files[TreeLayout.Application("prod-sgp-1", "keycloak")].Documents)!;
        Assert.Equal(ArgoCdManifests.ResourcesFinalizer, ((DocScalar)((DocSeq)DocPointer.Find(keycloak, ["metadata", "finalizers"])!)[0]).Text);

        // The argocd chart's values give argocd-cm the Application health check, so the root's waves wait for health.
        var defaults = RealModel.Tree.Files[TreeLayout.ChartFile("argocd", "values.yaml")].Text;
        Assert.Contains("      resource.customizations.health.argoproj.io_Application: \"hs = {}\\n", defaults, StringComparison.Ordinal);
        Assert.Contains("hs.status = obj.status.health.status", defaults, StringComparison.Ordinal);
    }

    [Fact]
    public void Apps_that_read_secrets_sync_after_external_secrets_without_listing_it()
    {
        foreach (var app in Model.Apps.Where(a => a.Secrets.Count > 0))
        {
            Assert.DoesNotContain(ExternalSecrets.App, app.DependsOn);
            Assert.Contains(ExternalSecrets.App, Model.Chart(app).Dependencies);
            Assert.True(Model.Chart(app).SyncWave > Model.Chart(ExternalSecrets.App).SyncWave);
        }

        Assert.True(Model.Chart(Ingress.App).SyncWave > Model.Chart(LoadBalancerController.App).SyncWave);
        Assert.Empty(Model.Chart(ExternalSecrets.App).Dependencies);
    }

    [Fact]
    public void The_store_is_in_the_external_secrets_chart_for_only_the_namespaces_that_read_secrets()
    {
        Assert.Contains(TreeLayout.ChartFile("external-secrets", SecretStoreChart.TemplatePath), RealModel.Tree.Files.Keys);
        foreach (var cluster in Model.Clusters)
        {
            var values = (DocMap)Model.Find(cluster, ExternalSecrets.App)!.File[SecretStoreValues.Key]!;
            Assert.Equal(cluster.Region.AwsRegion, DocPointer.String(values, SecretStoreValues.AwsRegion));
            Assert.Equal(["control-plane", "keycloak", "observability", "temporal"], ((DocSeq)values[SecretStoreValues.Namespaces]!).OfType<DocScalar>().Select(s => s.Text));
        }

        // Each generated ExternalSecret may be applied before External Secrets' CRDs exist on a first sync.
        Assert.Contains("argocd.argoproj.io/sync-options: SkipDryRunOnMissingResource=true", RealModel.Tree.Files["charts/keycloak/templates/externalsecret.yaml"].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_store_each_cluster_gets_is_checked_against_the_ESO_v1_schema()
    {
        // The template is Helm text; validation checks what it renders to on each cluster (the render check proves it
        // renders exactly that). The documents pass, and the schema is strict enough to refuse a wrong one.
        var schema = Cogrion.InfraGen.Validation.Schemas.UpstreamSchemas.For("external-secrets.io/v1", "ClusterSecretStore")!;
        foreach (var cluster in Model.Clusters)
        {
            var store = SecretStoreChart.Document(Model.Estate, cluster, Model.On(cluster).Select(p => p.App));
            Assert.Empty(new Cogrion.InfraGen.Validation.Schemas.SchemaVerdicts().Evaluate(schema, store));
            ((DocMap)DocPointer.Find(store, ["spec", "provider", "aws"])!).Set("service", "Vault");
            Assert.NotEmpty(new Cogrion.InfraGen.Validation.Schemas.SchemaVerdicts().Evaluate(schema, store));
        }

        Assert.Empty(TreeValidator.Validate(Model, RealModel.Tree));
    }

    [Fact]
    public void The_IAM_policy_allows_GetSecretValue_on_exactly_the_clusters_secrets()
    {
        foreach (var cluster in Model.Clusters)
        {
            var text = RealModel.Tree.Files[TreeLayout.IamPolicy(cluster.Name, "external-secrets")].Text;
            var statement = Assert.Single(JsonDocument.Parse(text).RootElement.GetProperty("Statement").EnumerateArray());
            Assert.Equal("secretsmanager:GetSecretValue", statement.GetProperty("Action").GetString());
            var expected = SecretInventory.For(Model, cluster).Select(e => e.RemoteKey).Distinct().Order(StringComparer.Ordinal)
                .Select(k => $"arn:aws:secretsmanager:{cluster.Region.AwsRegion}:{cluster.AwsAccountId}:secret:{k}-??????");
            Assert.Equal(expected, statement.GetProperty("Resource").EnumerateArray().Select(r => r.GetString()));
        }
    }

    /// <summary>A real app under another name: the same chart and values (keycloak's: no image tag to look up).</summary>
    private static App Renamed(App app, string name) => new RenamedApp(app, name);

    private sealed class RenamedApp(App original, string name) : App(original.Chart, original.DeclaredAt)
    {
        public override HelmValuesInfo ValuesInfo { get; } = original.ValuesInfo with { ChartName = name };

        public override IHelmValues? ValuesFor(AppContext context) => original.ValuesFor(context);
    }
}
