using System.Text;
using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Output;
using Cogrion.InfraGen.Pipeline;
using Cogrion.InfraGen.Rendering;

namespace Cogrion.InfraGen.Releasing;

/// <summary>One tag to set.</summary>
/// <param name="Cluster">The cluster's name.</param>
/// <param name="App">The app's name.</param>
/// <param name="Tag">The tag.</param>
public sealed record TagChange(string Cluster, string App, ImageTag Tag);

/// <summary>What a release update did.</summary>
/// <param name="Edits">Each tag set in <c>releases.yaml</c>, in the order asked.</param>
/// <param name="Model">The model as loaded with the new tags.</param>
/// <param name="Tree">The tree rendered from it.</param>
/// <param name="Written">What writing the tree did.</param>
public sealed record ReleaseUpdateResult(IReadOnlyList<ReleaseEdit> Edits, ResolvedEstate Model, RenderedTree Tree, WriteReport Written);

/// <summary>
/// Sets image tags the way <c>set-image</c> and <c>promote</c> do: edits <c>releases.yaml</c> in memory, loads and
/// renders the whole model with the edited text, and only then writes: first <c>out/</c>, last <c>releases.yaml</c>.
/// A model error, a rendering error or a failed write of the tree leaves <c>releases.yaml</c> as it was; a failure
/// after that (the file itself cannot be written) leaves a tree that the next <c>dotnet build</c> puts back.
/// </summary>
public static class ReleaseUpdate
{
    /// <summary>Applies <paramref name="changes"/> to <paramref name="current"/> (which must have parsed without errors).</summary>
    public static ReleaseUpdateResult Apply(Estate estate, ModelPaths paths, Releases current, IReadOnlyList<TagChange> changes)
    {
        var releases = current;
        var edits = new List<ReleaseEdit>();
        foreach (var change in changes)
        {
            var (text, edit) = ReleasesEditor.SetTag(releases, change.Cluster, change.App, change.Tag);
            var problems = new List<InfraDiagnostic>();
            releases = Releases.Parse(paths.ReleasesFile, text, problems);
            if (problems.Count > 0 || releases.Find(change.Cluster, change.App)?.Tag != change.Tag)
            {
                throw new InvalidOperationException($"Editing releases.yaml to set {change.App} on {change.Cluster} did not give a file that reads back with that tag.");
            }

            edits.Add(edit);
        }

        var model = ModelLoader.Load(estate, paths, releases.Text);
        var tree = InfraPipeline.Render(model);
        var written = TreeWriter.Write(tree, paths.OutDirectory);
        try
        {
            WriteReleases(paths.ReleasesFile, releases.Text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // out/ has the new tags already; the next generate from the unchanged releases.yaml puts it back.
            throw new InfraGenException([ModelErrors.ReleasesNotWritten(paths.ReleasesFile, e.Message, written.Written.Count)]) { OutChanged = written.Written.Count > 0 };
        }
        return new ReleaseUpdateResult(edits, model, tree, written);
    }

    /// <summary>The releases file as it is on disk; throws <see cref="InfraGenException"/> with its problems, if any.</summary>
    public static Releases ReadCurrent(ModelPaths paths)
    {
        var problems = new List<InfraDiagnostic>();
        var releases = Releases.Load(paths.ReleasesFile, problems);
        return problems.Count > 0 ? throw new InfraGenException(problems) : releases;
    }

    /// <summary>Writes through a temporary file and a rename, keeping a byte order mark the file had.</summary>
    private static void WriteReleases(string file, string text)
    {
        var bom = File.Exists(file) && File.ReadAllBytes(file) is [0xEF, 0xBB, 0xBF, ..];
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
        byte[] bytes = bom ? [0xEF, 0xBB, 0xBF, .. utf8] : utf8;
        var temp = $"{file}.{Environment.ProcessId}{TreeWriter.TempSuffix}";
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, file, overwrite: true);
    }
}
