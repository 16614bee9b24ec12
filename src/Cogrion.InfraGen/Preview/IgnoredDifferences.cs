using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Rendered;
using Cogrion.InfraGen.Validation;

namespace Cogrion.InfraGen.Preview;

/// <summary>
/// An Application's <c>ignoreDifferences</c>, applied to what Helm rendered for it: the fields Argo CD does not compare
/// are not compared by the preview either. Without this, a chart that makes a new webhook certificate on every render
/// (the AWS Load Balancer Controller's) would show as changed in every preview. JSON pointers are honoured, and jq path
/// expressions of the plain form <c>.a.b[]?.c</c>; an entry of another form is not applied (the preview then shows more,
/// never less).
/// </summary>
internal static class IgnoredDifferences
{
    public static IReadOnlyList<RenderedObject> Apply(DocMap application, IReadOnlyList<RenderedObject> objects)
    {
        if (DocPointer.Find(application, ["spec", "ignoreDifferences"]) is not DocSeq { Count: > 0 } entries)
        {
            return objects;
        }

        return [.. objects.Select(obj =>
        {
            var paths = entries.OfType<DocMap>().Where(e => Matches(e, obj)).SelectMany(Paths).ToList();
            return paths.Count == 0 ? obj : obj with { Document = (DocMap)Without(obj.Document, paths) };
        })];
    }

    private static bool Matches(DocMap entry, RenderedObject obj) =>
        (DocPointer.String(entry, "group") ?? "") == obj.Group
        && DocPointer.String(entry, "kind") == obj.Kind
        && (DocPointer.String(entry, "name") is not { } name || name == obj.Name)
        && (DocPointer.String(entry, "namespace") is not { } ns || ns == obj.Namespace);

    /// <summary>Each ignored field as path segments; <c>*</c> stands for every item of a list.</summary>
    private static IEnumerable<string[]> Paths(DocMap entry)
    {
        foreach (var pointer in (DocPointer.Find(entry, ["jsonPointers"]) as DocSeq)?.OfType<DocScalar>() ?? [])
        {
            yield return [.. pointer.Text.Split('/').Skip(1).Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];
        }

        foreach (var expression in (DocPointer.Find(entry, ["jqPathExpressions"]) as DocSeq)?.OfType<DocScalar>() ?? [])
        {
            if (JqPath(expression.Text) is { } path)
            {
                yield return path;
            }
        }
    }

    /// <summary><c>.webhooks[]?.clientConfig.caBundle</c> as segments, or null for any other jq.</summary>
    private static string[]? JqPath(string expression)
    {
        if (!expression.StartsWith('.'))
        {
            return null;
        }

        var segments = new List<string>();
        foreach (var part in expression[1..].Split('.'))
        {
            var name = part.EndsWith("[]?", StringComparison.Ordinal) ? part[..^3] : part.EndsWith("[]", StringComparison.Ordinal) ? part[..^2] : part;
            if (name.Length == 0 || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '_' or '-')))
            {
                return null;
            }

            segments.Add(name);
            if (name.Length != part.Length)
            {
                segments.Add("*");
            }
        }

        return [.. segments];
    }

    private static DocNode Without(DocNode node, IReadOnlyList<string[]> paths)
    {
        if (paths.Any(p => p.Length == 0))
        {
            return new DocMap(); // The whole node is ignored: nothing of it is compared.
        }

        switch (node)
        {
            case DocMap map:
                var copy = new DocMap();
                foreach (var (key, value) in map.Entries)
                {
                    var below = paths.Where(p => p[0] == key).Select(p => p[1..]).ToList();
                    if (below.Any(p => p.Length == 0))
                    {
                        continue;
                    }

                    copy.Add(key, below.Count == 0 ? value : Without(value, below));
                }

                return copy;
            case DocSeq seq:
                var items = new DocSeq();
                for (var i = 0; i < seq.Count; i++)
                {
                    var index = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    var below = paths.Where(p => p[0] == "*" || p[0] == index).Select(p => p[1..]).ToList();
                    items.Add(below.Count == 0 ? seq[i] : Without(seq[i], below));
                }

                return items;
            default:
                return node;
        }
    }
}
