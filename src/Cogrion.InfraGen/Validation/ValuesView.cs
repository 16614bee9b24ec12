using System.Globalization;
using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Rendering;

namespace Cogrion.InfraGen.Validation;

/// <summary>
/// One app's values on one cluster as Helm sees them: the chart defaults (<c>charts/&lt;app&gt;/values.yaml</c>)
/// merged with the cluster's file (<c>values/&lt;cluster&gt;/&lt;app&gt;.yaml</c>), and where each value was written.
/// </summary>
public sealed class ValuesView
{
    internal ValuesView(RenderedFile file, RenderedFile? defaults, Cluster cluster, App app, DocMap merged)
    {
        File = file;
        Defaults = defaults;
        Cluster = cluster;
        App = app;
        Merged = merged;
    }

    /// <summary>The cluster's values file.</summary>
    public RenderedFile File { get; }

    /// <summary>The chart's defaults file, when the tree has one.</summary>
    public RenderedFile? Defaults { get; }

    /// <summary>The cluster.</summary>
    public Cluster Cluster { get; }

    /// <summary>The app.</summary>
    public App App { get; }

    /// <summary>What Helm passes to the chart's templates.</summary>
    public DocMap Merged { get; }

    /// <summary>
    /// The file a merged value was written in: the cluster's file when it holds the path, else the chart defaults
    /// when they do, else the cluster's file (a missing value is the cluster's to add).
    /// </summary>
    public RenderedFile FileOf(IReadOnlyList<string> path)
    {
        if (DocPointer.Find(File.Documents[0], path) is not null || Defaults is null)
        {
            return File;
        }

        return DocPointer.Find(Defaults.Documents[0], path) is not null ? Defaults : File;
    }

    /// <summary>
    /// The model line that produced a value: a value in the cluster's file comes from the app's values function
    /// (the App declaration); a value in the chart defaults comes from a property initializer, so it is that
    /// property's declaration.
    /// </summary>
    public SourceLocation ProducerOf(IReadOnlyList<string> path)
    {
        var file = FileOf(path);
        return ReferenceEquals(file, Defaults) ? DeclarationOf(path) : file.Origin;
    }

    /// <summary>
    /// The values property declared for the path (its longest declared prefix, list indices skipped), where the
    /// value's type and constraints are written, when the generator recorded it; else the declaration of the file.
    /// </summary>
    public SourceLocation DeclarationOf(IReadOnlyList<string> path) => Property(App.ValuesInfo, Merged, path).Declared ?? FileOf(path).Origin;

    /// <summary>
    /// The values property a path inside a values document (<paramref name="document"/>, of <paramref name="info"/>'s
    /// record) lies in: its YAML keys joined with '.' (list indices skipped, as <see cref="HelmValuesInfo.PropertyOrigins"/>
    /// keys them), and the declaration of its longest declared prefix when the generator recorded one.
    /// </summary>
    public static (string Keys, SourceLocation? Declared) Property(HelmValuesInfo info, DocNode document, IReadOnlyList<string> path)
    {
        var keys = new List<string>(path.Count);
        DocNode? node = document;
        foreach (var segment in path)
        {
            if (node is DocSeq seq)
            {
                node = int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < seq.Count ? seq[i] : null;
                continue;
            }

            keys.Add(segment);
            node = (node as DocMap)?[segment];
        }

        var origins = info.PropertyOrigins;
        for (var length = keys.Count; length > 0; length--)
        {
            if (origins.TryGetValue(string.Join('.', keys.Take(length)), out var origin))
            {
                return (string.Join('.', keys), origin);
            }
        }

        return (string.Join('.', keys), null);
    }
}
