using Cogrion.InfraGen.Drift;
using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Output;
using Cogrion.InfraGen.Rendering;
using Cogrion.InfraGen.Validation;
using Cogrion.InfraGen.Validation.Schemas;

namespace Cogrion.InfraGen.Pipeline;

/// <summary>
/// The pipeline, one direction: model -> resolved model -> rendered tree (in memory) -> validation -> write.
/// Every stage throws <see cref="Diagnostics.InfraGenException"/> with all problems found, before anything is written.
/// </summary>
public static class InfraPipeline
{
    /// <summary>Loads and renders the catalog's model; nothing touches disk but reading the model's files.</summary>
    public static RenderedTree Render(IInfraCatalog catalog, ModelPaths paths)
    {
        UpstreamSchemas.Prepare(); // Builds the schemas in the background while the model loads and renders.
        return Render(ModelLoader.Load(catalog, paths));
    }

    /// <summary>Renders a resolved model and validates the whole tree; throws with every problem found.</summary>
    public static RenderedTree Render(InfraModel model) => TreeValidator.Checked(model, TreeRenderer.Render(model));

    /// <summary>
    /// Renders, then writes only if everything rendered, holding out/'s lock from the first read of the model's files to
    /// the last write (<see cref="OutDirectoryLock"/>): a run that waited renders the model as it is once it may write.
    /// Says on <paramref name="status"/> (default: standard error) when it waits for another run.
    /// </summary>
    public static WriteReport Generate(IInfraCatalog catalog, ModelPaths paths, TextWriter? status = null)
    {
        using var writing = OutDirectoryLock.ForWriting(paths.OutDirectory, status ?? Console.Error);
        return TreeWriter.Write(Render(catalog, paths), paths.OutDirectory);
    }

    /// <summary>
    /// Renders in memory and compares with the tree on disk; writes nothing. Reads out/ under a shared lock, so it
    /// waits for a generation in progress and a generation waits only for the comparison, never for the rendering.
    /// </summary>
    public static DriftReport Check(IInfraCatalog catalog, ModelPaths paths, TextWriter? status = null)
    {
        var tree = Render(catalog, paths);
        using var reading = OutDirectoryLock.ForReading(paths.OutDirectory, status ?? Console.Error);
        return DriftReport.Compare(tree, paths.OutDirectory);
    }
}
