using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Drift;
using Cogrion.InfraGen.Helm;
using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Output;
using Cogrion.InfraGen.Rendered;
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
    public static RenderedTree Render(ResolvedEstate model) => TreeValidator.Checked(model, TreeRenderer.Render(model));

    /// <summary>
    /// Renders, then writes only if everything rendered, holding out/'s lock from the first read of the model's files to
    /// the last write (<see cref="OutDirectoryLock"/>): a run that waited renders the model as it is once it may write.
    /// Says on <paramref name="status"/> when it waits for another run. With <paramref name="render"/>, writes only if
    /// Helm also renders the tree with zero findings.
    /// </summary>
    public static (WriteReport Written, RenderReport? Render) Generate(IInfraCatalog catalog, ModelPaths paths, TextWriter status, RenderOptions? render)
    {
        using var writing = OutDirectoryLock.ForWriting(paths.OutDirectory, status);
        var (tree, rendered) = render is null ? (Render(catalog, paths), null) : RenderChecked(catalog, paths, render);
        RetirementCheck.Check(ModelLoader.Define(catalog), tree, paths.OutDirectory);
        return (TreeWriter.Write(tree, paths.OutDirectory), rendered);
    }

    /// <summary>
    /// As <see cref="Generate"/> without the render check, and says what the write changes: out/ compared with the new
    /// tree under the same lock, just before writing it (what <c>watch</c> prints after each save).
    /// </summary>
    public static (WriteReport Written, DriftReport Changes) GenerateComparing(IInfraCatalog catalog, ModelPaths paths, TextWriter status)
    {
        using var writing = OutDirectoryLock.ForWriting(paths.OutDirectory, status);
        var tree = Render(catalog, paths);
        RetirementCheck.Check(ModelLoader.Define(catalog), tree, paths.OutDirectory);
        var changes = DriftReport.Compare(tree, paths.OutDirectory);
        return (TreeWriter.Write(tree, paths.OutDirectory), changes);
    }

    /// <summary>
    /// Renders the tree, then every chart of it with Helm (<see cref="HelmRenderStage"/>), and checks what Helm rendered
    /// (<see cref="RenderCheck"/>). Writes nothing but the render cache; throws for a model or Helm problem (INFRA40xx),
    /// returns the findings.
    /// </summary>
    public static (RenderedTree Tree, RenderReport Report) RenderWithHelm(IInfraCatalog catalog, ModelPaths paths, RenderOptions options)
    {
        var helm = HelmTool.Locate(options.HelmPath);
        UpstreamSchemas.Prepare();
        var model = ModelLoader.Load(catalog, paths);
        var tree = Render(model);
        return (tree, RenderCheck.Run(model, tree, HelmRenderStage.Render(model, tree, helm, options), options.App));
    }

    /// <summary>
    /// <c>render --update-footprint</c>: renders every cluster and app with Helm, writes what each app renders to
    /// <c>model/footprint.yaml</c> when that changes it, and then checks again with the new file, so the report is the one
    /// the next build will get. Refuses (INFRA4007) when only part of the estate rendered: the file is a union over all of it.
    /// </summary>
    public static (RenderedTree Tree, RenderReport Report, bool Updated) RenderUpdatingFootprint(IInfraCatalog catalog, ModelPaths paths, RenderOptions options)
    {
        if (options.Cluster is not null || options.App is not null)
        {
            throw new InfraGenException([RenderErrors.FootprintNotUpdated("it is what every app renders on every cluster, so --update-footprint renders them all; drop --cluster and --app")]);
        }

        var (tree, report) = RenderWithHelm(catalog, paths, options);
        if (report.Estate.Problems.Count > 0)
        {
            throw new InfraGenException([.. report.Estate.Problems, RenderErrors.FootprintNotUpdated("Helm did not render every app (above)")]);
        }

        var text = Footprint.Text(report.Footprint);
        var file = paths.FootprintFile;
        if (File.Exists(file) && Releases.ReadText(file) == text)
        {
            return (tree, report, false);
        }

        var temporary = file + $".{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, text, new System.Text.UTF8Encoding(false));
        File.Move(temporary, file, overwrite: true);
        var (again, rechecked) = RenderWithHelm(catalog, paths, options);
        return (again, rechecked, true);
    }

    /// <summary>As <see cref="RenderWithHelm"/>, throwing every finding: for <c>generate</c> and <c>check</c> with <c>--render</c>.</summary>
    private static (RenderedTree Tree, RenderReport Report) RenderChecked(IInfraCatalog catalog, ModelPaths paths, RenderOptions options)
    {
        var rendered = RenderWithHelm(catalog, paths, options);
        return rendered.Report.Diagnostics.Count == 0 ? rendered : throw new InfraGenException(rendered.Report.Diagnostics) { SummaryLine = rendered.Report.Summary };
    }

    /// <summary>
    /// Renders in memory and compares with the tree on disk; writes nothing. Reads out/ under a shared lock, so it
    /// waits for a generation in progress and a generation waits only for the comparison, never for the rendering.
    /// With <paramref name="render"/>, compares only after the Helm render check passed.
    /// </summary>
    public static (DriftReport Drift, RenderReport? Render) Check(IInfraCatalog catalog, ModelPaths paths, TextWriter status, RenderOptions? render)
    {
        if (File.Exists(paths.OutDirectory))
        {
            throw new InfraGenException([ModelErrors.OutPathIsAFile(Path.GetFullPath(paths.OutDirectory))]); // Not "missing": the path is taken.
        }

        var (tree, rendered) = render is null ? (Render(catalog, paths), null) : RenderChecked(catalog, paths, render);
        using var reading = OutDirectoryLock.ForReading(paths.OutDirectory, status);
        var estate = ModelLoader.Define(catalog);
        return (DriftReport.Compare(tree, paths.OutDirectory, path => RetirementCheck.Describe(estate, path)), rendered);
    }
}
