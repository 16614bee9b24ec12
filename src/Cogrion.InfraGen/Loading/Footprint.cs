using System.Text;
using Cogrion.InfraGen.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cogrion.InfraGen.Loading;

/// <summary>A cluster-scoped kind an app renders: its API group (empty for the core group) and kind.</summary>
public readonly record struct GroupKind(string Group, string Kind) : IComparable<GroupKind>
{
    /// <summary><c>group/Kind</c>, or just <c>Kind</c> for the core group: how <c>footprint.yaml</c> writes it.</summary>
    public override string ToString() => Group.Length == 0 ? Kind : $"{Group}/{Kind}";

    /// <summary>Reads <see cref="ToString"/>'s form back.</summary>
    public static GroupKind Parse(string text) =>
        text.LastIndexOf('/') is var slash and >= 0 ? new(text[..slash], text[(slash + 1)..]) : new(string.Empty, text);

    /// <inheritdoc />
    public int CompareTo(GroupKind other) => StringComparer.Ordinal.Compare(ToString(), other.ToString());
}

/// <summary>What one app's charts render, over every cluster: the namespaces its objects land in and its cluster-scoped kinds.</summary>
/// <param name="Namespaces">Sorted ordinally.</param>
/// <param name="ClusterKinds">Sorted by <see cref="GroupKind.ToString"/>.</param>
/// <param name="Line">The app's line in <c>footprint.yaml</c> (0 when computed, not read).</param>
public sealed record AppFootprint(IReadOnlyList<string> Namespaces, IReadOnlyList<GroupKind> ClusterKinds, int Line = 0)
{
    /// <summary>Whether both list the same namespaces and kinds.</summary>
    public bool SameAs(AppFootprint other) => Namespaces.SequenceEqual(other.Namespaces, StringComparer.Ordinal) && ClusterKinds.SequenceEqual(other.ClusterKinds);
}

/// <summary>
/// <c>model/footprint.yaml</c>: per app, what its charts render, as the render stage last saw it (written by
/// <c>./infragen render --update-footprint</c>, never by hand). Every build reads it to give each app an AppProject that
/// permits exactly that (least privilege derived from Helm, without Helm on every build); the render check fails when
/// it no longer matches what Helm renders (INFRA4116). Keyed by app, not cluster, so a new cluster needs no Helm run.
/// </summary>
public sealed class Footprint
{
    private const string Header =
        "# What each app's charts render, over every cluster: the namespaces its objects land in and the cluster-scoped kinds\n"
        + "# (group/Kind) it creates. Written by `./infragen render --update-footprint` from what Helm renders; do not edit.\n"
        + "# Every build reads it for each app's AppProject; the render check fails when it is stale (INFRA4116).\n";

    private Footprint(string file, IReadOnlyDictionary<string, AppFootprint> apps)
    {
        File = file;
        Apps = apps;
    }

    /// <summary>The file read (it may not exist: then no app has a footprint yet).</summary>
    public string File { get; }

    /// <summary>Each app's footprint, by app name.</summary>
    public IReadOnlyDictionary<string, AppFootprint> Apps { get; }

    /// <summary>An app's footprint, or null when the file has none for it (an app not rendered yet).</summary>
    public AppFootprint? Find(string app) => Apps.GetValueOrDefault(app);

    /// <summary>Reads the file; a missing file is an empty footprint. Problems are added to <paramref name="diagnostics"/>.</summary>
    public static Footprint Load(string file, List<InfraDiagnostic> diagnostics)
    {
        var apps = new SortedDictionary<string, AppFootprint>(StringComparer.Ordinal);
        if (!System.IO.File.Exists(file))
        {
            return new Footprint(file, apps);
        }

        void Bad(Mark mark, string message) => diagnostics.Add(ModelErrors.BadFootprint(message, new SourceLocation(file, (int)mark.Line)));
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(Releases.ReadText(file)));
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            Bad(e is YamlException y ? y.Start : Mark.Empty, $"footprint.yaml is not valid YAML: {e.Message}");
            return new Footprint(file, apps);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new Footprint(file, apps);
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            Bad(stream.Documents[0].RootNode.Start, "footprint.yaml must map app names to their namespaces and clusterKinds.");
            return new Footprint(file, apps);
        }

        foreach (var (key, node) in root.Children)
        {
            var app = (key as YamlScalarNode)?.Value ?? string.Empty;
            var entry = node as YamlMappingNode;
            var namespaces = List(entry, "namespaces");
            var kinds = List(entry, "clusterKinds");
            if (entry is null || namespaces is null || kinds is null)
            {
                Bad(node.Start, $"The entry of app '{app}' must have the lists namespaces and clusterKinds.");
                continue;
            }

            apps[app] = new AppFootprint(
                [.. namespaces.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                [.. kinds.Select(GroupKind.Parse).Distinct().Order()],
                (int)key.Start.Line);
        }

        return new Footprint(file, apps);
    }

    /// <summary>The file's text for <paramref name="apps"/>: apps, namespaces and kinds in ordinal order, so one render gives one text.</summary>
    public static string Text(IReadOnlyDictionary<string, AppFootprint> apps)
    {
        var text = new StringBuilder(Header);
        foreach (var (app, footprint) in apps.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            text.Append(app).Append(":\n");
            Append(text, "namespaces", footprint.Namespaces);
            Append(text, "clusterKinds", footprint.ClusterKinds.Select(k => k.ToString()));
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, string name, IEnumerable<string> items)
    {
        var list = items.ToList();
        text.Append("  ").Append(name).Append(list.Count == 0 ? ": []\n" : ":\n");
        foreach (var item in list)
        {
            text.Append("    - ").Append(item).Append('\n');
        }
    }

    private static List<string>? List(YamlMappingNode? entry, string key) =>
        entry is not null && entry.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlSequenceNode list
            ? [.. list.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty)]
            : null;
}
