using System.Text;
using Cogrion.InfraGen.Documents;

namespace Cogrion.InfraGen.Validation;

/// <summary>A location inside a document as its keys and indices; written as an RFC 6901 JSON pointer.</summary>
public static class DocPointer
{
    /// <summary>The JSON pointer text of <paramref name="segments"/> (<c>/spec/source/helm/valueFiles/0</c>; the root is empty).</summary>
    public static string Format(IEnumerable<string> segments)
    {
        var text = new StringBuilder();
        foreach (var segment in segments)
        {
            text.Append('/').Append(segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
        }

        return text.ToString();
    }

    /// <summary>The node at <paramref name="segments"/>, or null when the document has none there.</summary>
    public static DocNode? Find(DocNode root, IEnumerable<string> segments)
    {
        if (segments is IReadOnlyList<string> list)
        {
            // Rules look paths up in every document of the tree: walk a list without an enumerator.
            DocNode? found = root;
            for (var i = 0; i < list.Count && found is not null; i++)
            {
                found = Child(found, list[i]);
            }

            return found;
        }

        DocNode? node = root;
        foreach (var segment in segments)
        {
            node = Child(node, segment);
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>The string at a path of maps (<c>spec</c>, <c>source</c>, <c>path</c>), or null.</summary>
    public static string? String(DocNode root, params ReadOnlySpan<string> segments)
    {
        DocNode? node = root;
        for (var i = 0; i < segments.Length && node is not null; i++)
        {
            node = Child(node, segments[i]);
        }

        return node is DocScalar { Kind: ScalarKind.String } scalar ? scalar.Text : null;
    }

    private static DocNode? Child(DocNode node, string segment) => node switch
    {
        DocMap map => map[segment],
        DocSeq seq when int.TryParse(segment, out var index) && index >= 0 && index < seq.Count => seq[index],
        _ => null,
    };

    /// <summary>How a value is shown in a message: strings quoted, other scalars as written, collections by kind.</summary>
    public static string Show(DocNode? node) => node switch
    {
        null => "nothing",
        DocScalar { Kind: ScalarKind.String } s => $"'{s.Text}' (a string)",
        DocScalar { Kind: ScalarKind.Null } => "null",
        DocScalar { Kind: ScalarKind.Integer } s => $"{s.Text} (an integer)",
        DocScalar { Kind: ScalarKind.Decimal } s => $"{s.Text} (a decimal number)",
        DocScalar s => $"{s.Text} (a boolean)",
        DocMap => "a map",
        _ => "a list",
    };
}
