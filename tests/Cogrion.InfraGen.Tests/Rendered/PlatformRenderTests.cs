using Cogrion.InfraGen.Generated;
using Cogrion.InfraGen.Pipeline;
using Cogrion.InfraGen.Rendering;
using Cogrion.InfraGen.Tests.Support;
using Cogrion.InfraGen.Yaml;

namespace Cogrion.InfraGen.Tests.Rendered;

/// <summary>
/// The platform apps under the pinned Helm: the ClusterSecretStore template renders exactly the store validation checks,
/// and model/footprint.yaml, from which every build makes the AppProjects, is proven current by the render check and
/// written by <c>render --update-footprint</c>.
/// </summary>
[Trait("Speed", "Slow")]
[Collection(HelmCollection.Name)]
public sealed class PlatformRenderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void The_store_template_renders_on_each_cluster_to_the_store_validation_checked()
    {
        var (_, report) = InfraPipeline.RenderWithHelm(new InfraCatalog(), RealModel.Paths, PinnedHelm.Options(app: "external-secrets"));
        var model = Cogrion.InfraGen.Loading.ModelLoader.Load(new InfraCatalog(), RealModel.Paths);

        foreach (var cluster in model.Clusters)
        {
            var release = report.Estate.Releases.Single(r => r.Cluster == cluster && r.App.Name == "external-secrets");
            var store = Assert.Single(release.Objects, o => o.Kind == "ClusterSecretStore");
            Assert.Equal(YamlWriter.Write(SecretStoreChart.Document(model.Estate, cluster, model.Apps)), YamlWriter.Write(store.Document));
        }

        Assert.Empty(report.Diagnostics);
    }

    [Fact]
    public void A_stale_footprint_is_INFRA4116_and_update_footprint_writes_what_Helm_renders()
    {
        var paths = ModelCopy.Create(_temp, "stale");
        var current = File.ReadAllText(paths.FootprintFile);
        ModelCopy.Edit(paths, "footprint.yaml", "    - kube-system\n", "");
        ModelCopy.Edit(paths, "footprint.yaml", "temporal:\n  namespaces:\n    - temporal\n", "temporal:\n  namespaces:\n    - temporal\n    - default\n");
        var observabilityLine = File.ReadAllLines(paths.FootprintFile).ToList().IndexOf("observability:") + 1;

        var (_, stale) = InfraPipeline.RenderWithHelm(new InfraCatalog(), paths, PinnedHelm.Options());

        var lacking = Assert.Single(stale.Diagnostics, d => d.Code == "INFRA4116" && d.Message.Contains("app 'observability'", StringComparison.Ordinal));
        Assert.Equal(observabilityLine, lacking.Location.Line);
        Assert.Contains("it lacks namespace kube-system, which it renders", lacking.Message, StringComparison.Ordinal);
        Assert.Contains("Run `./infragen render --update-footprint`, then `dotnet build`", lacking.Message, StringComparison.Ordinal);
        Assert.Contains(stale.Diagnostics, d => d.Code == "INFRA4116" && d.Message.Contains("app 'temporal': it lists namespace default, which it no longer renders", StringComparison.Ordinal));
        Assert.Contains(stale.Diagnostics, d => d.Code == "INFRA4113"); // The AppProject made from it refuses kube-system.

        var update = HostRun.Verb(new InfraCatalog(), paths, ["render", "--update-footprint", .. PinnedHelm.VerbOptions]);

        Assert.True(update.ExitCode == 0, update.Error + update.Output);
        Assert.False(Directory.Exists(paths.RenderCacheDirectory)); // --render-cache: the copy's obj/ was not used.
        Assert.Contains("render: wrote ", update.Output, StringComparison.Ordinal);
        Assert.Equal(current, File.ReadAllText(paths.FootprintFile));
        Assert.EndsWith("findings=0 cached=" + update.Output.Split("cached=")[^1].Trim() + "\n", update.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Update_footprint_refuses_a_partial_render()
    {
        var paths = ModelCopy.Create(_temp, "partial");

        var run = HostRun.Verb(new InfraCatalog(), paths, "render", "--update-footprint", "--cluster", "dev-sgp-1", "--helm", PinnedHelm.Path, "--chart-cache", PinnedHelm.ChartCache);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error INFRA4007: model/footprint.yaml was not updated: it is what every app renders on every cluster", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}
