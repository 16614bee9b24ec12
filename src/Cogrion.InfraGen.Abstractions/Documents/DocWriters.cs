using System.ComponentModel;

namespace Cogrion.InfraGen.Documents;

/// <summary>Helpers the generated values writers call; not meant for hand-written code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class DocWriters
{
    /// <summary>A sequence of <paramref name="items"/>, each rendered by <paramref name="write"/>.</summary>
    public static DocSeq Seq<T>(IEnumerable<T> items, Func<T, DocNode> write)
    {
        var seq = new DocSeq();
        foreach (var item in items)
        {
            seq.Add(write(item));
        }

        return seq;
    }

    /// <summary>A map of <paramref name="items"/> with keys in ordinal order, so output never depends on insertion order.</summary>
    public static DocMap Map<T>(IEnumerable<KeyValuePair<string, T>> items, Func<T, DocNode> write)
    {
        var map = new DocMap();
        foreach (var (key, value) in items.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            map.Add(key, write(value));
        }

        return map;
    }
}

/// <summary>Selects the constructor the generator adds to values records to evaluate their initializers alone.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct DefaultsMarker;
