using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Output;
using Cogrion.InfraGen.Rendering;
using Cogrion.InfraGen.Tests.Support;

namespace Cogrion.InfraGen.Tests.Rendering;

/// <summary>Clusters render in parallel; the tree and its problems are exactly those of rendering them one by one.</summary>
public sealed class ParallelRenderingTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void Parallel_and_sequential_rendering_give_identical_bytes()
    {
        var model = Load(80);

        var sequential = TreeRenderer.Render(model, parallel: false);

        Assert.True(sequential.Files.Count > 400, $"{sequential.Files.Count} files: too few to spread over threads");
        for (var run = 0; run < 3; run++)
        {
            var parallel = TreeRenderer.Render(model, parallel: true);
            Assert.Equal(sequential.Files.Keys, parallel.Files.Keys);
            Assert.All(sequential.Files, f => Assert.Equal(TreeWriter.Encode(f.Value), TreeWriter.Encode(parallel.Files[f.Key])));
        }
    }

    [Fact]
    public void Problems_are_reported_in_the_same_order_parallel_or_not()
    {
        // A value no YAML can carry, different on every cluster: each cluster's files fail to render.
        var web = new App<WebValues>(new ChartSpec("1.0.0", "web"), c => new WebValues
        {
            Host = "web.example.com",
            Image = new() { Repository = "ghcr.io/example/web", Tag = c.ImageTag },
            Replicas = 1,
            Note = $"{c.Cluster.Name} \uD800",
        });
        var model = Load(40, web);

        var sequential = Assert.Throws<InfraGenException>(() => TreeRenderer.Render(model, parallel: false));
        var parallel = Assert.Throws<InfraGenException>(() => TreeRenderer.Render(model, parallel: true));

        Assert.Equal(40, sequential.Diagnostics.Count);
        Assert.Equal(sequential.Diagnostics.Select(d => d.Format(f => f)), parallel.Diagnostics.Select(d => d.Format(f => f)));
    }

    private ResolvedEstate Load(int clusters, App<WebValues>? web = null)
    {
        var (declared, releases) = FixtureModel.ManyClusters(clusters);
        var paths = FixtureModel.CreateFiles(_temp, releases);
        return ModelLoader.Load(FixtureModel.Estate(declared, [web ?? FixtureModel.Web(), FixtureModel.Db()]), paths);
    }

    public void Dispose() => _temp.Dispose();
}
