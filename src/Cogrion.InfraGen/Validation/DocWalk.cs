using Cogrion.InfraGen.Documents;

namespace Cogrion.InfraGen.Validation;

/// <summary>Visits every scalar of a document with its path, the key it sits under (the nearest map key) and the scalar.</summary>
public static class DocWalk
{
    /// <summary>Called for each scalar; <c>path</c> is live (copy it to keep it).</summary>
    public delegate void ScalarVisitor(IReadOnlyList<string> path, string? key, DocScalar scalar);

    /// <summary>The path segments of the first list items, made once: walks visit every list of every document.</summary>
    private static readonly string[] Indices = [.. Enumerable.Range(0, 64).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>Calls <paramref name="visit"/> for every scalar below <paramref name="root"/>, in document order.</summary>
    public static void Scalars(DocNode root, ScalarVisitor visit)
    {
        var path = new List<string>(16);
        Walk(root, null, path, visit);
    }

    // Optimized at first call: a one-shot run walks every document of the tree before tiered JIT would promote it.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void Walk(DocNode node, string? key, List<string> path, ScalarVisitor visit)
    {
        switch (node)
        {
            case DocMap map:
                foreach (var (childKey, child) in map)
                {
                    path.Add(childKey);
                    Walk(child, childKey, path, visit);
                    path.RemoveAt(path.Count - 1);
                }

                break;
            case DocSeq seq:
                for (var i = 0; i < seq.Count; i++)
                {
                    path.Add(i < Indices.Length ? Indices[i] : i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    Walk(seq[i], key, path, visit);
                    path.RemoveAt(path.Count - 1);
                }

                break;
            case DocScalar scalar:
                visit(path, key, scalar);
                break;
        }
    }
}
