using Cogrion.InfraGen.Generated;
using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Pipeline;
using Cogrion.InfraGen.Rendering;

namespace Cogrion.InfraGen.Tests.Support;

/// <summary>The real cogrion model (model/), rendered in memory from the repository's model directory.</summary>
public static class RealModel
{
    /// <summary>The repository's model/ and out/ directories.</summary>
    public static ModelPaths Paths { get; } = ModelPaths.Discover(System.AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("The repository's model/ directory was not found above the test binaries.");

    private static readonly Lazy<RenderedTree> LazyTree = new(() => InfraPipeline.Render(new InfraCatalog(), Paths));

    /// <summary>The tree the model renders (once per test run).</summary>
    public static RenderedTree Tree => LazyTree.Value;
}
