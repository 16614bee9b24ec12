using Cogrion.InfraGen.Documents;

namespace Cogrion.InfraGen.Loading;

/// <summary>Splits effective values into chart defaults and the cluster's file, by Helm's merge rules.</summary>
public static class ValuesLayers
{
    /// <summary>
    /// What a cluster's values file must hold so that Helm's merge of <paramref name="defaults"/> and the file
    /// gives <paramref name="effective"/>: maps merge key by key, anything else replaces, and a key the
    /// effective values lack but the defaults have is written as null (Helm's way to remove a default).
    /// </summary>
    public static DocMap Subtract(DocMap effective, DocMap defaults)
    {
        var file = new DocMap();
        foreach (var (key, value) in effective)
        {
            if (!defaults.TryGet(key, out var fallback))
            {
                file.Add(key, value);
            }
            else if (value is DocMap map && fallback is DocMap fallbackMap)
            {
                var nested = Subtract(map, fallbackMap);
                if (nested.Count > 0)
                {
                    file.Add(key, nested);
                }
            }
            else if (!DocNode.DeepEquals(value, fallback))
            {
                file.Add(key, value);
            }
        }

        foreach (var (key, _) in defaults)
        {
            if (!effective.TryGet(key, out _))
            {
                file.Add(key, DocScalar.Null);
            }
        }

        return file;
    }

    /// <summary>Helm's merge: <paramref name="overrides"/> over <paramref name="defaults"/>; null removes a key.</summary>
    public static DocMap Merge(DocMap defaults, DocMap overrides)
    {
        var merged = new DocMap();
        foreach (var (key, value) in defaults)
        {
            if (!overrides.TryGet(key, out var over))
            {
                merged.Add(key, value);
            }
            else if (over is DocScalar { Kind: ScalarKind.Null })
            {
                continue;
            }
            else if (value is DocMap a && over is DocMap b)
            {
                merged.Add(key, Merge(a, b));
            }
            else
            {
                merged.Add(key, over);
            }
        }

        foreach (var (key, value) in overrides)
        {
            if (!defaults.TryGet(key, out _) && value is not DocScalar { Kind: ScalarKind.Null })
            {
                merged.Add(key, value);
            }
        }

        return merged;
    }
}
