using System.Text;
using System.Text.RegularExpressions;
using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Yaml;

namespace Cogrion.InfraGen.Inspection;

/// <summary>One value of a document: its path (<c>image.tag</c>, <c>args[0]</c>) and the value as YAML shows it.</summary>
public sealed record DocLeaf(string Path, string Value);

/// <summary>
/// Paths into documents, as people type them: dotted keys, <c>[n]</c> for list items, and <c>[key]</c> for a key that
/// holds a dot (<c>metadata.annotations[argocd.argoproj.io/sync-wave]</c>).
/// </summary>
public static partial class DocPaths
{
    /// <summary>Every scalar of a document (and every empty map or list) under its path, in document order.</summary>
    public static IReadOnlyList<DocLeaf> Leaves(DocNode node)
    {
        var leaves = new List<DocLeaf>();
        Collect(node, string.Empty, leaves);
        return leaves;
    }

    /// <summary>A value as YAML would show it inline: quoted only where a plain scalar would read differently.</summary>
    public static string Display(DocNode node) => node switch
    {
        DocScalar { Kind: ScalarKind.String } s => Quote(s.Text),
        DocScalar s => s.Text,
        DocMap { Count: 0 } => "{}",
        DocSeq { Count: 0 } => "[]",
        DocMap map => $"(a map of {map.Count} keys)",
        DocSeq seq => $"(a list of {seq.Count} items)",
        _ => node.ToString() ?? string.Empty,
    };

    /// <summary>
    /// The node at <paramref name="path"/>, or null. A key may hold dots: where several readings exist, the
    /// longest key present wins. List items are <c>[n]</c> or <c>.n</c>.
    /// </summary>
    public static DocNode? Find(DocNode root, string path) => Parse(path) is { } segments ? Find(root, segments, 0) : null;

    /// <summary>
    /// Whether <paramref name="path"/> names every key: no empty key (<c>image..tag</c>, <c>.image</c>, <c>image.</c>,
    /// <c>args[]</c>) and every bracket closed.
    /// </summary>
    public static bool IsWellFormed(string path) => Parse(path) is not null;

    /// <summary>The path without list indices and bracketed keys: how values keys are declared (<c>args[0]</c> is <c>args</c>).</summary>
    public static string PropertyPath(string path) => Brackets().Replace(path, string.Empty);

    private static void Collect(DocNode node, string path, List<DocLeaf> leaves)
    {
        switch (node)
        {
            case DocMap { Count: > 0 } map:
                foreach (var (key, value) in map)
                {
                    Collect(value, Append(path, key), leaves);
                }

                break;
            case DocSeq { Count: > 0 } seq:
                for (var i = 0; i < seq.Count; i++)
                {
                    Collect(seq[i], $"{path}[{i}]", leaves);
                }

                break;
            default:
                leaves.Add(new DocLeaf(path, Display(node)));
                break;
        }
    }

    private static string Append(string path, string key) =>
        PlainKey().IsMatch(key) ? (path.Length == 0 ? key : $"{path}.{key}") : $"{path}[{key}]";

    private static string Quote(string text)
    {
        var quoted = new StringBuilder();
        YamlScalars.AppendString(quoted, text);
        return quoted.ToString();
    }

    private readonly record struct Segment(string Text, bool Bracketed);

    /// <summary>
    /// The keys of <paramref name="path"/>, or null when it is not well formed: reading past an empty key would answer
    /// for a path the user did not type.
    /// </summary>
    private static List<Segment>? Parse(string path)
    {
        var segments = new List<Segment>();
        var i = 0;
        while (true)
        {
            if (i < path.Length && path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end <= i + 1)
                {
                    return null; // unclosed or empty
                }

                segments.Add(new Segment(path[(i + 1)..end], true));
                i = end + 1;
            }
            else
            {
                var end = path.IndexOfAny(['.', '[', ']'], i);
                end = end < 0 ? path.Length : end;
                if (end == i)
                {
                    return null; // an empty key
                }

                segments.Add(new Segment(path[i..end], false));
                i = end;
            }

            if (i == path.Length)
            {
                return segments;
            }

            if (path[i] == '.')
            {
                i++;
                if (i == path.Length)
                {
                    return null; // a trailing dot
                }
            }
            else if (path[i] != '[')
            {
                return null; // a stray ']', or a key glued to a closing bracket
            }
        }
    }

    private static DocNode? Find(DocNode node, List<Segment> segments, int index)
    {
        if (index == segments.Count)
        {
            return node;
        }

        switch (node)
        {
            case DocMap map when segments[index].Bracketed:
                return map.TryGet(segments[index].Text, out var exact) ? Find(exact, segments, index + 1) : null;
            case DocMap map:
                // Longest dotted run first: "argocd.argoproj.io/sync-wave" is one key, not three.
                for (var end = segments.Count; end > index; end--)
                {
                    if (segments.Skip(index).Take(end - index).Any(s => s.Bracketed))
                    {
                        continue;
                    }

                    var key = string.Join('.', segments.Skip(index).Take(end - index).Select(s => s.Text));
                    if (map.TryGet(key, out var value) && Find(value, segments, end) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case DocSeq seq when int.TryParse(segments[index].Text, out var item) && item >= 0 && item < seq.Count:
                return Find(seq[item], segments, index + 1);
            default:
                return null;
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_/-]+$")]
    private static partial Regex PlainKey();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Brackets();
}
