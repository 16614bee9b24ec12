using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Rendered;

namespace Cogrion.InfraGen.Preview;

/// <summary>What happens to one object: added, removed, or changed in these fields.</summary>
public enum ChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>One field of a changed object: its path (<c>spec.template.spec.containers[0].image</c>), before and after (null: absent).</summary>
public sealed record FieldChange(string Path, string? Before, string? After);

/// <summary>One object a cluster will change.</summary>
public sealed record ObjectChange(string Cluster, string App, string Object, string? Namespace, ChangeKind Kind, IReadOnlyList<FieldChange> Fields);

/// <summary>
/// Compares what Helm renders from two trees, object by object (API group, kind, namespace, name) and field by field.
/// Noise that changes with every chart release and changes nothing on the cluster (Helm's <c>helm.sh/chart</c> label)
/// is left out.
/// </summary>
public static class ObjectDiff
{
    private static readonly string[] NoiseSuffixes = [".labels.helm.sh/chart", ".labels.chart"];

    public static IReadOnlyList<ObjectChange> Compare(IReadOnlyList<AppManifests> before, IReadOnlyList<AppManifests> after)
    {
        var old = Index(before);
        var now = Index(after);
        var changes = new List<ObjectChange>();
        foreach (var key in old.Keys.Union(now.Keys).Order(KeyOrder.Instance))
        {
            var (cluster, app, group, kind, ns, name) = key;
            var id = $"{kind}/{name}";
            switch ((old.GetValueOrDefault(key), now.GetValueOrDefault(key)))
            {
                case (null, { } added):
                    changes.Add(new ObjectChange(cluster, app, id, ns, ChangeKind.Added, Fields(null, added)));
                    break;
                case ({ } removed, null):
                    changes.Add(new ObjectChange(cluster, app, id, ns, ChangeKind.Removed, []));
                    break;
                case ({ } was, { } @is):
                    if (Fields(was, @is) is { Count: > 0 } fields)
                    {
                        changes.Add(new ObjectChange(cluster, app, id, ns, ChangeKind.Changed, fields));
                    }

                    break;
            }
        }

        return changes;
    }

    private static Dictionary<(string, string, string, string, string, string), RenderedObject> Index(IReadOnlyList<AppManifests> manifests)
    {
        var index = new Dictionary<(string, string, string, string, string, string), RenderedObject>();
        foreach (var app in manifests)
        {
            foreach (var obj in app.Objects)
            {
                index.TryAdd((app.Cluster, app.App, obj.Group, obj.Kind, obj.Namespace ?? "", obj.Name), obj);
            }
        }

        return index;
    }

    /// <summary>Every scalar field that differs, in path order; for an added object, every field it sets.</summary>
    private static List<FieldChange> Fields(RenderedObject? before, RenderedObject after)
    {
        var was = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var @is = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (before is not null)
        {
            Flatten(before.Document, "", was);
        }

        Flatten(after.Document, "", @is);
        return [.. was.Keys.Union(@is.Keys).Order(StringComparer.Ordinal)
            .Where(p => !NoiseSuffixes.Any(n => p.EndsWith(n, StringComparison.Ordinal)))
            .Select(p => new FieldChange(p, was.GetValueOrDefault(p), @is.GetValueOrDefault(p)))
            .Where(f => f.Before != f.After)];
    }

    private static void Flatten(DocNode node, string path, IDictionary<string, string> into)
    {
        switch (node)
        {
            case DocMap map:
                foreach (var (key, value) in map.Entries)
                {
                    Flatten(value, path.Length == 0 ? key : $"{path}.{key}", into);
                }

                break;
            case DocSeq seq:
                for (var i = 0; i < seq.Count; i++)
                {
                    Flatten(seq[i], $"{path}[{i}]", into);
                }

                break;
            case DocScalar scalar:
                into[path] = scalar.Text;
                break;
        }
    }

    /// <summary>Cluster, app, then kind, namespace and name: the order a reviewer reads.</summary>
    private sealed class KeyOrder : IComparer<(string, string, string, string, string, string)>
    {
        public static readonly KeyOrder Instance = new();

        public int Compare((string, string, string, string, string, string) x, (string, string, string, string, string, string) y)
        {
            foreach (var c in new[]
            {
                string.CompareOrdinal(x.Item1, y.Item1), string.CompareOrdinal(x.Item2, y.Item2), string.CompareOrdinal(x.Item4, y.Item4),
                string.CompareOrdinal(x.Item5, y.Item5), string.CompareOrdinal(x.Item6, y.Item6), string.CompareOrdinal(x.Item3, y.Item3),
            })
            {
                if (c != 0)
                {
                    return c;
                }
            }

            return 0;
        }
    }
}
