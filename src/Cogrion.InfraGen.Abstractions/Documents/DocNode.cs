namespace Cogrion.InfraGen.Documents;

/// <summary>
/// A node of a rendered document: a map, a sequence or a scalar. Every generated file that is YAML or
/// JSON is built as these first, validated, and only then turned into bytes.
/// </summary>
public abstract class DocNode
{
    private protected DocNode()
    {
    }

    /// <summary>The model source that produced this node, when known.</summary>
    public SourceLocation? Origin { get; init; }

    /// <summary>A string scalar.</summary>
    public static implicit operator DocNode(string value) => DocScalar.String(value);

    /// <summary>An integer scalar.</summary>
    public static implicit operator DocNode(long value) => DocScalar.Integer(value);

    /// <summary>A boolean scalar.</summary>
    public static implicit operator DocNode(bool value) => DocScalar.Boolean(value);

    /// <summary>Structural equality: same kinds, same keys in the same order, same scalars.</summary>
    public static bool DeepEquals(DocNode? a, DocNode? b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        switch (a, b)
        {
            case (DocScalar x, DocScalar y):
                return x.Kind == y.Kind && string.Equals(x.Text, y.Text, StringComparison.Ordinal);
            case (DocSeq x, DocSeq y):
                if (x.Count != y.Count)
                {
                    return false;
                }

                for (var i = 0; i < x.Count; i++)
                {
                    if (!DeepEquals(x[i], y[i]))
                    {
                        return false;
                    }
                }

                return true;
            case (DocMap x, DocMap y):
                if (x.Count != y.Count)
                {
                    return false;
                }

                for (var i = 0; i < x.Count; i++)
                {
                    var (kx, vx) = x.Entries[i];
                    var (ky, vy) = y.Entries[i];
                    if (!string.Equals(kx, ky, StringComparison.Ordinal) || !DeepEquals(vx, vy))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }
}
