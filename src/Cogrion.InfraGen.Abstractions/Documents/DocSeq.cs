using System.Collections;

namespace Cogrion.InfraGen.Documents;

/// <summary>A sequence of nodes.</summary>
public sealed class DocSeq : DocNode, IEnumerable<DocNode>
{
    private readonly List<DocNode> _items = [];

    /// <summary>The number of items.</summary>
    public int Count => _items.Count;

    /// <summary>The item at <paramref name="index"/>.</summary>
    public DocNode this[int index] => _items[index];

    /// <summary>Appends an item.</summary>
    public void Add(DocNode item) => _items.Add(item ?? throw new ArgumentNullException(nameof(item)));

    /// <summary>The items, in order. A struct enumerator: walking thousands of documents allocates nothing.</summary>
    public List<DocNode>.Enumerator GetEnumerator() => _items.GetEnumerator();

    IEnumerator<DocNode> IEnumerable<DocNode>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
