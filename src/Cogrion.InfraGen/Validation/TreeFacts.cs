using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Rendering;
using Cogrion.InfraGen.Validation.Schemas;

namespace Cogrion.InfraGen.Validation;

/// <summary>
/// What every rule reads, computed once per run: the tree's files grouped by kind and cluster, the model's
/// clusters and apps by name, and each app's values on each cluster as Helm merges them.
/// </summary>
public sealed class TreeFacts
{
    private readonly Lazy<IReadOnlyList<ValuesView>> _values;

    /// <summary>Indexes <paramref name="tree"/> for validation against <paramref name="model"/>.</summary>
    public TreeFacts(ResolvedEstate model, RenderedTree tree)
    {
        Model = model;
        Tree = tree;
        Files = [.. tree.Files.Values];
        Clusters = model.Clusters.ToDictionary(c => c.Name, StringComparer.Ordinal);
        Apps = model.Apps.ToDictionary(a => a.Name, StringComparer.Ordinal);
        TreePath = RepoPath.Normalize(model.Estate.Repo.TreePath);
        FilesInDirectory = Files.ToLookup(f => f.Path.LastIndexOf('/') is var slash and >= 0 ? f.Path[..slash] : string.Empty, StringComparer.Ordinal);
        ChildApplications = Files.Where(f => f.Kind == FileKind.Application).ToLookup(f => f.Cluster);
        _values = new Lazy<IReadOnlyList<ValuesView>>(MergeValues);
    }

    /// <summary>The resolved model.</summary>
    public ResolvedEstate Model { get; }

    /// <summary>The estate.</summary>
    public Estate Estate => Model.Estate;

    /// <summary>The rendered tree.</summary>
    public RenderedTree Tree { get; }

    /// <summary>Every file, in path order.</summary>
    public IReadOnlyList<RenderedFile> Files { get; }

    /// <summary>The files directly in each directory of the tree ("" for the top).</summary>
    public ILookup<string, RenderedFile> FilesInDirectory { get; }

    /// <summary>The child Application files of each cluster.</summary>
    public ILookup<Cluster?, RenderedFile> ChildApplications { get; }

    /// <summary>The model's clusters by name.</summary>
    public IReadOnlyDictionary<string, Cluster> Clusters { get; }

    /// <summary>The model's apps by name.</summary>
    public IReadOnlyDictionary<string, App> Apps { get; }

    /// <summary>Where the tree sits in the repository ('/'-separated, normalized; empty for the root; null when outside it).</summary>
    public string? TreePath { get; }

    /// <summary>Where the tree is, for messages.</summary>
    public string TreeDescription => TreePath is null
        ? $"Repo.TreePath '{Estate.Repo.TreePath}' places it outside the repository"
        : TreePath.Length == 0 ? "the tree is the repository root" : $"the tree is '{TreePath}/' in the repository";

    /// <summary>This run's schema verdicts, shared by the schema rules.</summary>
    public SchemaVerdicts Verdicts { get; } = new();

    /// <summary>Every cluster values file with the chart defaults merged in, in path order.</summary>
    public IReadOnlyList<ValuesView> Values => _values.Value;

    /// <summary>The Argo CD Applications of the tree (root and children), each with its file.</summary>
    public IEnumerable<(RenderedFile File, DocMap Application)> Applications() =>
        from file in Files
        where file.Kind is FileKind.RootApplication or FileKind.Application
        from document in file.Documents.OfType<DocMap>()
        where DocPointer.String(document, "kind") == "Application"
        select (file, document);

    /// <summary>A repository path (an Argo CD <c>path</c>) as a path of the tree, or null when it lies outside it.</summary>
    public string? TreeRelative(string repoPath)
    {
        var path = RepoPath.Normalize(repoPath);
        if (path is null || TreePath is null)
        {
            return null;
        }

        if (TreePath.Length == 0)
        {
            return path;
        }

        return path == TreePath ? string.Empty
            : path.StartsWith(TreePath + "/", StringComparison.Ordinal) ? path[(TreePath.Length + 1)..]
            : null;
    }

    /// <summary>The model line behind a node of a document: the nearest node that knows its origin, else the file's.</summary>
    public static SourceLocation OriginOf(RenderedFile file, DocNode document, IReadOnlyList<string> path)
    {
        var origin = document.Origin;
        DocNode? node = document;
        foreach (var segment in path)
        {
            node = node is null ? null : DocPointer.Find(node, [segment]);
            if (node?.Origin is { } known)
            {
                origin = known;
            }
        }

        return origin ?? file.Origin;
    }

    private IReadOnlyList<ValuesView> MergeValues()
    {
        var files = Files.Where(f => f.Kind == FileKind.ClusterValues && f.Documents.Count > 0 && f.Cluster is not null && f.App is not null).ToArray();
        var views = new ValuesView[files.Length];
        Parallel.For(0, files.Length, i =>
        {
            var file = files[i];
            Tree.Files.TryGetValue(TreeLayout.ChartFile(file.App!.Name, "values.yaml"), out var defaults);
            var merged = ValuesLayers.Merge(defaults?.Documents.FirstOrDefault() as DocMap ?? new DocMap(), file.Documents[0] as DocMap ?? new DocMap());
            views[i] = new ValuesView(file, defaults, file.Cluster!, file.App, merged);
        });
        return views;
    }
}
