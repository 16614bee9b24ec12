using Cogrion.InfraGen.Documents;

namespace Cogrion.InfraGen.Rendering;

/// <summary>What a generated file is, so validation knows which schema and rules apply.</summary>
public enum FileKind
{
    Bootstrap,
    RootApplication,
    Application,
    ChartManifest,
    ChartDefaults,
    ChartSchema,
    ChartTemplate,
    ClusterValues,
    Readme,
    Marker,
    CodeOwners,
}

/// <summary>One generated file: its text, the documents it was written from, and the model source behind it.</summary>
/// <param name="Path">Relative to <c>out/</c>, '/'-separated.</param>
/// <param name="Kind">What the file is.</param>
/// <param name="Text">The exact content (UTF-8, <c>\n</c> line ends).</param>
/// <param name="Documents">The YAML/JSON documents the text holds, in order; empty for templates and text.</param>
/// <param name="Origin">The model declaration to edit to change this file.</param>
public sealed record RenderedFile(string Path, FileKind Kind, string Text, IReadOnlyList<DocNode> Documents, SourceLocation Origin)
{
    /// <summary>The cluster the file belongs to, if any: the model's object, so rules join on it rather than on a name.</summary>
    public Cluster? Cluster { get; init; }

    /// <summary>The app the file belongs to, if any: the model's object.</summary>
    public App? App { get; init; }
}

/// <summary>The whole generated tree in memory, ordered by path (ordinal); nothing is on disk yet.</summary>
public sealed class RenderedTree
{
    private readonly SortedDictionary<string, RenderedFile> _files = new(StringComparer.Ordinal);
    private readonly List<PublishedFile> _published = [];

    /// <summary>Files by path, in ordinal path order.</summary>
    public IReadOnlyDictionary<string, RenderedFile> Files => _files;

    /// <summary>Tree files that are also copied outside the tree, where a tool reads them (see <see cref="PublishedFile"/>).</summary>
    public IReadOnlyList<PublishedFile> Published => _published;

    /// <summary>Copies a tree file to a path of the repository outside the tree, when the tree is written.</summary>
    public void Publish(PublishedFile file)
    {
        if (!_files.ContainsKey(file.File.Path))
        {
            throw new InvalidOperationException($"Only a file of the tree can be published; '{file.File.Path}' is not one.");
        }

        _published.Add(file);
    }

    /// <summary>Adds a file; two files on one path is a bug in the renderer, not the model.</summary>
    public void Add(RenderedFile file)
    {
        if (!_files.TryAdd(file.Path, file))
        {
            throw new InvalidOperationException($"Two generated files claim the path '{file.Path}'.");
        }
    }
}
