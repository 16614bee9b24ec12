using System.Collections;

namespace Cogrion.InfraGen.Documents;

/// <summary>A map whose keys keep the order they were added in (that order is the output order).</summary>
public sealed class DocMap : DocNode, IEnumerable<KeyValuePair<string, DocNode>>
{
    private readonly List<KeyValuePair<string, DocNode>> _entries = [];

    /// <summary>The entries, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, DocNode>> Entries => _entries;

    /// <summary>The number of entries.</summary>
    public int Count => _entries.Count;

    /// <summary>The value under <paramref name="key"/>, or null.</summary>
    public DocNode? this[string key] => TryGet(key, out var value) ? value : null;

    /// <summary>Adds an entry at the end; a key may appear only once.</summary>
    public void Add(string key, DocNode value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        if (IndexOf(key) >= 0)
        {
            throw new ArgumentException($"The key '{key}' is already in this map.", nameof(key));
        }

        _entries.Add(new KeyValuePair<string, DocNode>(key, value));
    }

    /// <summary>Adds an entry unless <paramref name="value"/> is null.</summary>
    public void AddIfNotNull(string key, DocNode? value)
    {
        if (value is not null)
        {
            Add(key, value);
        }
    }

    /// <summary>Adds a string entry unless <paramref name="value"/> is null.</summary>
    public void AddIfNotNull(string key, string? value)
    {
        if (value is not null)
        {
            Add(key, DocScalar.String(value));
        }
    }

    /// <summary>Replaces the value under an existing key, or adds it at the end.</summary>
    public void Set(string key, DocNode value)
    {
        var index = IndexOf(key);
        if (index < 0)
        {
            Add(key, value);
        }
        else
        {
            _entries[index] = new KeyValuePair<string, DocNode>(key, value);
        }
    }

    /// <summary>Looks a key up.</summary>
    public bool TryGet(string key, out DocNode value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? _entries[index].Value : null!;
        return index >= 0;
    }

    /// <summary>The entries, in order. A struct enumerator: walking thousands of documents allocates nothing.</summary>
    public List<KeyValuePair<string, DocNode>>.Enumerator GetEnumerator() => _entries.GetEnumerator();

    IEnumerator<KeyValuePair<string, DocNode>> IEnumerable<KeyValuePair<string, DocNode>>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        for (var i = 0; i < _entries.Count; i++)
        {
            if (string.Equals(_entries[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
