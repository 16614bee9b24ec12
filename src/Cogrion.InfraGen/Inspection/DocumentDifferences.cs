using System.Text.RegularExpressions;
using Cogrion.InfraGen.Documents;

namespace Cogrion.InfraGen.Inspection;

/// <summary>One value that differs between two clusters.</summary>
/// <param name="Path">Where in the document (<c>image.tag</c>; in a file of several documents, led by the document: <c>ClusterSecretStore/aws-secrets-manager spec.provider.aws.region</c>).</param>
/// <param name="Left">The first cluster's value; null when it has none.</param>
/// <param name="Right">The second cluster's value; null when it has none.</param>
/// <param name="NamesOnly">
/// True when the two values are the same once each cluster's own names are set aside: a difference every pair of
/// clusters has, like <c>values/dev-sgp-1/…</c> against <c>values/prod-sgp-1/…</c>. A value that is an environment's or
/// a region's name itself (<c>global.environment: dev</c> against <c>prod</c>) is a setting, so a real difference.
/// </param>
public sealed record ValueDifference(string Path, string? Left, string? Right, bool NamesOnly);

/// <summary>The leaf-by-leaf differences of two documents of two clusters, each marked whether only the clusters' names differ.</summary>
public static class DocumentDifferences
{
    /// <summary>The differences of two files' documents: one document each, compared directly; several, paired by kind and name.</summary>
    public static IReadOnlyList<ValueDifference> Of(IReadOnlyList<DocNode> left, IReadOnlyList<DocNode> right, Cluster leftCluster, Cluster rightCluster)
    {
        if (left.Count == 1 && right.Count == 1)
        {
            return Of(left[0], right[0], leftCluster, rightCluster);
        }

        var leftDocuments = Labelled(left, leftCluster);
        var rightDocuments = Labelled(right, rightCluster);
        var differences = new List<ValueDifference>();
        foreach (var (label, document) in leftDocuments)
        {
            if (rightDocuments.TryGetValue(label, out var other))
            {
                differences.AddRange(Of(document, other, leftCluster, rightCluster).Select(d => d with { Path = $"{label} {d.Path}" }));
            }
            else
            {
                differences.Add(new ValueDifference(label, "(a document)", null, NamesOnly: false));
            }
        }

        differences.AddRange(rightDocuments.Keys.Where(l => !leftDocuments.ContainsKey(l)).Select(l => new ValueDifference(l, null, "(a document)", NamesOnly: false)));
        return differences;
    }

    /// <summary>The differences of two documents, in the first one's key order, then the keys only the second has.</summary>
    public static IReadOnlyList<ValueDifference> Of(DocNode left, DocNode right, Cluster leftCluster, Cluster rightCluster)
    {
        var leftLeaves = DocPaths.Leaves(left).ToDictionary(l => l.Path, l => l.Value, StringComparer.Ordinal);
        var rightLeaves = DocPaths.Leaves(right).ToDictionary(l => l.Path, l => l.Value, StringComparer.Ordinal);
        var differences = new List<ValueDifference>();
        foreach (var path in leftLeaves.Keys.Concat(rightLeaves.Keys.Where(p => !leftLeaves.ContainsKey(p))))
        {
            var a = leftLeaves.GetValueOrDefault(path);
            var b = rightLeaves.GetValueOrDefault(path);
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                var namesOnly = a is not null && b is not null && !IsSetting(a, leftCluster) && !IsSetting(b, rightCluster)
                    && string.Equals(WithoutNames(a, leftCluster), WithoutNames(b, rightCluster), StringComparison.Ordinal);
                differences.Add(new ValueDifference(path, a, b, namesOnly));
            }
        }

        return differences;
    }

    /// <summary>
    /// The value with the cluster's own names set aside: the cluster and region names become placeholders and the env
    /// name is dropped with one separator after it, since conventions often leave it out for one env
    /// (<c>cplane.dev.sgp-1…</c> against <c>cplane.sgp-1…</c>). Whole words only, so "dev" in "devops" stays.
    /// </summary>
    public static string WithoutNames(string value, Cluster cluster)
    {
        value = Regex.Replace(value, Word(cluster.Name), "<cluster>", RegexOptions.CultureInvariant);
        value = Regex.Replace(value, Word(cluster.Region.Name), "<region>", RegexOptions.CultureInvariant);
        return Regex.Replace(value, Word(cluster.Env.Name) + "[.-]?", string.Empty, RegexOptions.CultureInvariant);
    }

    /// <summary>A path or name with the cluster's name as a placeholder: what a file is for every cluster (<c>values/&lt;cluster&gt;/web.yaml</c>).</summary>
    public static string Role(string path, Cluster cluster) => Regex.Replace(path, Word(cluster.Name), "<cluster>", RegexOptions.CultureInvariant);

    /// <summary>A value that is the environment's or the region's name itself: which tier or region it is, a setting.</summary>
    private static bool IsSetting(string value, Cluster cluster) => value.Trim('"') is var text && (text == cluster.Env.Name || text == cluster.Region.Name);

    /// <summary>Each document by <c>Kind/name</c> (names set aside), in order; a second one with the same label gets its position.</summary>
    private static Dictionary<string, DocNode> Labelled(IReadOnlyList<DocNode> documents, Cluster cluster)
    {
        var labelled = new Dictionary<string, DocNode>(StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++)
        {
            var kind = DocPaths.Find(documents[i], "kind") is DocScalar k ? k.Text : "document";
            var name = DocPaths.Find(documents[i], "metadata.name") is DocScalar n ? Role(n.Text, cluster) : $"{i + 1}";
            var label = $"{kind}/{name}";
            labelled.TryAdd(labelled.ContainsKey(label) ? $"{label}#{i + 1}" : label, documents[i]);
        }

        return labelled;
    }

    private static string Word(string name) => $"(?<![A-Za-z0-9]){Regex.Escape(name)}(?![A-Za-z0-9])";
}
