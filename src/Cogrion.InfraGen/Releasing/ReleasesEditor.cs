using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Loading;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Cogrion.InfraGen.Releasing;

/// <summary>How an edit changed <c>releases.yaml</c>.</summary>
public enum ReleaseEditKind
{
    /// <summary>The app's line existed: its tag was replaced in place.</summary>
    Replaced,

    /// <summary>The cluster's section existed without the app: one line was added to it.</summary>
    AddedLine,

    /// <summary>The file had no section for the cluster: one was added (the cluster's line and the app's).</summary>
    AddedSection,
}

/// <summary>One tag set in <c>releases.yaml</c>.</summary>
/// <param name="Cluster">The cluster.</param>
/// <param name="App">The app.</param>
/// <param name="OldTag">The tag it had; null when it had none.</param>
/// <param name="NewTag">The tag it has now.</param>
/// <param name="Kind">What changed in the file.</param>
/// <param name="Line">The line of the app's entry after the edit.</param>
public sealed record ReleaseEdit(string Cluster, string App, ImageTag? OldTag, ImageTag NewTag, ReleaseEditKind Kind, int Line)
{
    /// <summary>What the edit did, in words: <c>line 5: control-plane on dev-sgp-1 sha-a1b2c3d -> sha-0123abc</c>.</summary>
    public string Describe() => Kind switch
    {
        ReleaseEditKind.Replaced => $"line {Line}: {App} on {Cluster} {OldTag} -> {NewTag}",
        ReleaseEditKind.AddedLine => $"line {Line} added: {App} on {Cluster} {NewTag} (the cluster had no tag for it)",
        _ => $"lines {Line - 1}-{Line} added: a section for {Cluster} with {App} {NewTag} (the file had no section for the cluster)",
    };
}

/// <summary>
/// Sets one tag in the text of <c>releases.yaml</c> as a text edit at the place the YAML parser reports, never a
/// re-serialization: comments, order, quoting and line ends stay, so the diff is the one line that changed (or the
/// line added). A missing entry goes after the nearest name that sorts before it, else before the first.
/// </summary>
public static class ReleasesEditor
{
    private const int DefaultIndent = 2;

    /// <summary>
    /// The new text with <paramref name="app"/> on <paramref name="cluster"/> set to <paramref name="tag"/>.
    /// <paramref name="releases"/> must have parsed without errors. Throws <see cref="InfraGenException"/> (INFRA1101)
    /// when a line must be added to a map written in flow style (<c>{…}</c>), which has no lines; a tag in one is
    /// still replaced in place.
    /// </summary>
    public static (string Text, ReleaseEdit Edit) SetTag(Releases releases, string cluster, string app, ImageTag tag)
    {
        var text = releases.Text;
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var root = releases.Root;
        if (root is null)
        {
            var end = AppendPoint(ref text, newline);
            return Insert(text, end, $"{cluster}:{newline}{new string(' ', DefaultIndent)}{app}: {tag}{newline}", cluster, app, tag, ReleaseEditKind.AddedSection);
        }

        var section = Child(root, cluster);
        if (section is null)
        {
            RequireBlock(root, releases.File, "releases.yaml");
            var sectionAt = InsertionPoint(ref text, root, cluster, newline);
            var entry = $"{cluster}:{newline}{new string(' ', Indent(root))}{app}: {tag}{newline}";
            return Insert(text, sectionAt, entry, cluster, app, tag, ReleaseEditKind.AddedSection);
        }

        var apps = (YamlMappingNode)section.Value.Value;
        if (Child(apps, app) is { } existing)
        {
            var value = existing.Value;
            var old = releases.Find(cluster, app)?.Tag;
            var edited = string.Concat(text.AsSpan(0, (int)value.Start.Index), tag.Value, text.AsSpan((int)value.End.Index));
            return (edited, new ReleaseEdit(cluster, app, old, tag, ReleaseEditKind.Replaced, (int)value.Start.Line));
        }

        RequireBlock(apps, releases.File, $"the section of cluster '{cluster}'");
        var lineAt = InsertionPoint(ref text, apps, app, newline);
        var line = $"{new string(' ', (int)apps.Children.First().Key.Start.Column - 1)}{app}: {tag}{newline}";
        return Insert(text, lineAt, line, cluster, app, tag, ReleaseEditKind.AddedLine);
    }

    private static (string, ReleaseEdit) Insert(string text, int at, string lines, string cluster, string app, ImageTag tag, ReleaseEditKind kind)
    {
        var edited = text.Insert(at, lines);
        var firstLine = text.AsSpan(0, at).Count('\n') + 1;
        var appLine = kind == ReleaseEditKind.AddedSection ? firstLine + 1 : firstLine;
        return (edited, new ReleaseEdit(cluster, app, null, tag, kind, appLine));
    }

    /// <summary>
    /// Where a new key goes among <paramref name="map"/>'s: after the entry of the greatest key that sorts before it
    /// (its whole block, for a cluster), else at the start of the first key's line.
    /// </summary>
    private static int InsertionPoint(ref string text, YamlMappingNode map, string key, string newline)
    {
        var before = map.Children
            .Where(c => string.CompareOrdinal(Name(c.Key), key) < 0)
            .OrderBy(c => Name(c.Key), StringComparer.Ordinal)
            .LastOrDefault();
        if (before.Key is null)
        {
            var first = map.Children.First().Key.Start;
            return (int)first.Index - ((int)first.Column - 1);
        }

        var end = (int)LastMark(before.Value).Index;
        var lineEnd = text.IndexOf('\n', end);
        return lineEnd >= 0 ? lineEnd + 1 : AppendPoint(ref text, newline);
    }

    /// <summary>The end of the last scalar in a node: a section's last tag, or the tag itself.</summary>
    private static Mark LastMark(YamlNode node) => node is YamlMappingNode { Children.Count: > 0 } map ? LastMark(map.Children.Last().Value) : node.End;

    /// <summary>The end of the text, after adding the final line end it may lack.</summary>
    private static int AppendPoint(ref string text, string newline)
    {
        if (text.Length > 0 && !text.EndsWith('\n'))
        {
            text += newline;
        }

        return text.Length;
    }

    /// <summary>The indentation of the apps under the first cluster (the file's own style), else two spaces.</summary>
    private static int Indent(YamlMappingNode root) =>
        root.Children.Select(c => c.Value).OfType<YamlMappingNode>().FirstOrDefault(m => m.Children.Count > 0) is { } apps
            ? (int)apps.Children.First().Key.Start.Column - 1
            : DefaultIndent;

    private static KeyValuePair<YamlNode, YamlNode>? Child(YamlMappingNode map, string name) =>
        map.Children.Where(c => Name(c.Key) == name).Select(c => (KeyValuePair<YamlNode, YamlNode>?)c).FirstOrDefault();

    private static string Name(YamlNode key) => (key as YamlScalarNode)?.Value ?? string.Empty;

    private static void RequireBlock(YamlMappingNode map, string file, string what)
    {
        if (map.Style == MappingStyle.Flow)
        {
            throw new InfraGenException([ModelErrors.BadReleases(
                $"{what} is written in flow style ({{…}}), which has no line per app to edit; write it as 'cluster:' then one '  app: sha-…' line per app.",
                new SourceLocation(file, (int)map.Start.Line))]);
        }
    }
}
