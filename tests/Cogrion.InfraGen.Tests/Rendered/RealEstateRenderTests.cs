using Cogrion.InfraGen.Generated;
using Cogrion.InfraGen.Pipeline;
using Cogrion.InfraGen.Rendered;
using Cogrion.InfraGen.Rendered.Checks;
using Cogrion.InfraGen.Tests.Support;

namespace Cogrion.InfraGen.Tests.Rendered;

/// <summary>
/// The committed model rendered by the pinned Helm with the pinned upstream charts, as Argo CD renders it: zero
/// findings, every pair, a second run answered from the cache, and the <c>render</c> verb's output.
/// </summary>
[Trait("Speed", "Slow")]
[Collection(HelmCollection.Name)]
public sealed class RealEstateRenderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void The_committed_model_renders_with_zero_findings()
    {
        var (_, report) = InfraPipeline.RenderWithHelm(new InfraCatalog(), RealModel.Paths, PinnedHelm.Options());

        Assert.True(report.Diagnostics.Count == 0, string.Join("\n", report.Diagnostics.Select(d => d.Format(RealModel.Paths.Display))));
        var estate = new InfraCatalog().CreateModel().Define();
        Assert.Equal(estate.Clusters.Count * estate.Apps.Count, report.Estate.Releases.Count);
        Assert.Equal(report.Estate.Releases.Count, report.Estate.Alternates.Count);
        Assert.Equal(report.Estate.Releases.Sum(r => r.Objects.Count), report.Objects);

        // Every release is named after its Application and lands in its destination namespace.
        Assert.All(report.Estate.Releases, r => Assert.Equal((r.App.Name, r.App.Namespace), (r.ReleaseName, r.Namespace)));

        // Every object has a schema but the CRDs themselves (../shared/schemas/kubernetes has none for them); they are counted.
        var crds = report.Estate.Releases.Sum(r => r.Objects.Count(o => o.Kind == "CustomResourceDefinition"));
        Assert.Equal([("apiextensions.k8s.io/v1 CustomResourceDefinition", crds)], report.NoSchema);

        // The two upstream temporal defects are accepted, with their reasons, on every cluster.
        Assert.Equal(2 * estate.Clusters.Count, report.Accepted.Count(line => line.Contains("temporal chart 0.65.0", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_observability_crds_are_over_the_client_side_limit_and_its_application_applies_server_side()
    {
        var (tree, report) = InfraPipeline.RenderWithHelm(new InfraCatalog(), RealModel.Paths, PinnedHelm.Options(app: "observability"));

        var crds = report.Estate.Releases.Where(r => r.App.Name == "observability").SelectMany(r => r.Objects).Where(o => o.Kind == "CustomResourceDefinition").ToList();
        Assert.Contains(crds, o => o.JsonBytes > ArgoCdSyncCheck.ClientSideApplyLimit);
        Assert.Contains("ServerSideApply=true", tree.Files["argocd/apps/dev-sgp-1/observability.yaml"].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Diagnostics, d => d.Code == "INFRA4201");
    }

    [Fact]
    public void A_second_render_of_unchanged_charts_and_values_runs_no_helm_command()
    {
        // A cache of its own, so the first run here is cold whatever ran before; one cluster (each pair is cached alike).
        var options = PinnedHelm.Options(cluster: "dev-sgp-1") with { CacheDirectory = _temp.Combine("cache") };
        var cold = InfraPipeline.RenderWithHelm(new InfraCatalog(), RealModel.Paths, options).Report;
        var warm = InfraPipeline.RenderWithHelm(new InfraCatalog(), RealModel.Paths, options).Report;

        Assert.True(cold.Estate.HelmRuns > 0);
        Assert.Equal(0, warm.Estate.HelmRuns);
        Assert.Equal(cold.Estate.Cached + cold.Estate.HelmRuns, warm.Estate.Cached);
        Assert.Equal(cold.Summary.Replace($"cached={cold.Estate.Cached}", "", StringComparison.Ordinal), warm.Summary.Replace($"cached={warm.Estate.Cached}", "", StringComparison.Ordinal));
    }

    [Fact]
    public void The_render_verb_prints_the_summary_and_writes_the_manifests_of_each_pair()
    {
        var manifests = _temp.Combine("manifests");

        var run = HostRun.Verb(new InfraCatalog(), RealModel.Paths, ["render", "--cluster", "dev-sgp-1", "--manifests", manifests, .. PinnedHelm.VerbOptions]);

        Assert.True(run.ExitCode == 0, run.Error + run.Output);
        Assert.Matches(@"\nrender: pairs=8 objects=\d+ no-schema=\d+ findings=0 cached=\d+\n$", "\n" + run.Output);
        Assert.Equal(["argocd.yaml", "aws-load-balancer-controller.yaml", "control-plane.yaml", "external-secrets.yaml", "ingress.yaml", "keycloak.yaml", "observability.yaml", "temporal.yaml"],
            Directory.EnumerateFiles(Path.Combine(manifests, "dev-sgp-1")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("# Source: control-plane/templates/deployment.yaml", File.ReadAllText(Path.Combine(manifests, "dev-sgp-1", "control-plane.yaml")), StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}
