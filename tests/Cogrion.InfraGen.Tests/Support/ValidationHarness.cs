using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Output;
using Cogrion.InfraGen.Pipeline;
using Cogrion.InfraGen.Rendering;
using Cogrion.InfraGen.Validation;
using Cogrion.InfraGen.Yaml;

namespace Cogrion.InfraGen.Tests.Support;

/// <summary>
/// The fixture model loaded and rendered (not yet validated), for tests that break the rendered tree by hand:
/// what a renderer bug or a hand-written manifest would produce. <see cref="Reject"/> shows such a tree is
/// refused and out/ stays byte-for-byte as it was.
/// </summary>
public sealed class ValidationHarness : IDisposable
{
    private readonly TempDirectory _temp = new();

    public ValidationHarness(Estate? estate = null, string? releases = FixtureModel.Releases)
    {
        Paths = FixtureModel.CreateFiles(_temp, releases);
        Model = ModelLoader.Load(estate ?? FixtureModel.Estate(), Paths);
        Tree = TreeRenderer.Render(Model);
    }

    public ModelPaths Paths { get; }

    public ResolvedEstate Model { get; }

    /// <summary>The rendered tree, before validation.</summary>
    public RenderedTree Tree { get; }

    /// <summary>Every problem validation finds in <paramref name="tree"/>.</summary>
    public IReadOnlyList<InfraDiagnostic> Validate(RenderedTree tree) => TreeValidator.Validate(Model, tree);

    /// <summary>
    /// Writes the good fixture tree to out/, then validates and writes <paramref name="bad"/> as the pipeline does;
    /// asserts the write is refused and out/ hashes the same before and after. Returns the problems found.
    /// </summary>
    public IReadOnlyList<InfraDiagnostic> Reject(RenderedTree bad)
    {
        TreeWriter.Write(InfraPipeline.Render(Model), Paths.OutDirectory);
        var before = TempDirectory.Snapshot(Paths.OutDirectory);
        Assert.NotEmpty(before);

        var error = Assert.Throws<InfraGenException>(() => TreeWriter.Write(TreeValidator.Checked(Model, bad), Paths.OutDirectory));

        Assert.Equal(before, TempDirectory.Snapshot(Paths.OutDirectory));
        Assert.All(error.Diagnostics, d =>
        {
            // Every problem names the output file, the place in it and the model line behind it (issue: "path, pointer, source line").
            Assert.False(d.Location.IsUnknown, $"{Show(d)}: no model line");
            Assert.False(string.IsNullOrEmpty(d.OutputPath), $"{Show(d)}: no output path");
            Assert.True(d.Pointer is not null || d.Code == "INFRA2105", $"{Show(d)}: no pointer"); // A missing file has no place inside it.
        });
        return error.Diagnostics;
    }

    /// <summary>A copy of <paramref name="tree"/> with <paramref name="path"/>'s documents replaced (text re-rendered).</summary>
    public static RenderedTree With(RenderedTree tree, string path, params DocNode[] documents)
    {
        var original = tree.Files.TryGetValue(path, out var found)
            ? found
            : new RenderedFile(path, FileKind.Application, "", [], default);
        return With(tree, original with { Documents = documents, Text = YamlWriter.Write(documents) });
    }

    /// <summary>A copy of <paramref name="tree"/> with <paramref name="file"/> added or replacing the file on its path.</summary>
    public static RenderedTree With(RenderedTree tree, RenderedFile file)
    {
        var copy = Without(tree, file.Path);
        copy.Add(file);
        return copy;
    }

    /// <summary>A copy of <paramref name="tree"/> without <paramref name="paths"/>.</summary>
    public static RenderedTree Without(RenderedTree tree, params string[] paths)
    {
        var copy = new RenderedTree();
        foreach (var file in tree.Files.Values.Where(f => !paths.Contains(f.Path)))
        {
            copy.Add(file);
        }

        return copy;
    }

    /// <summary>A deep copy of the first document of <paramref name="path"/>, to edit.</summary>
    public DocMap Document(string path, int index = 0) => (DocMap)Clone(Tree.Files[path].Documents[index]);

    public static DocNode Clone(DocNode node)
    {
        switch (node)
        {
            case DocMap map:
                var mapCopy = new DocMap();
                foreach (var (key, value) in map.Entries)
                {
                    mapCopy.Add(key, Clone(value));
                }

                return mapCopy;
            case DocSeq seq:
                var seqCopy = new DocSeq();
                foreach (var item in seq)
                {
                    seqCopy.Add(Clone(item));
                }

                return seqCopy;
            default:
                return node;
        }
    }

    /// <summary>A diagnostic as the build prints it, with the model file shown by name.</summary>
    public static string Show(InfraDiagnostic diagnostic) => diagnostic.Format(file => Path.GetFileName(file.Replace('\\', '/')));

    public void Dispose() => _temp.Dispose();
}
