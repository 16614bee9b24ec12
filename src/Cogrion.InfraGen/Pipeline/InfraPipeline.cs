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

    /// <summary>Renders, then writes only if everything rendered.</summary>
    public static WriteReport Generate(IInfraCatalog catalog, ModelPaths paths) =>
        TreeWriter.Write(Render(catalog, paths), paths.OutDirectory);

    /// <summary>Renders in memory and compares with the tree on disk; writes nothing.</summary>
    public static DriftReport Check(IInfraCatalog catalog, ModelPaths paths) =>
        DriftReport.Compare(Render(catalog, paths), paths.OutDirectory);
}
