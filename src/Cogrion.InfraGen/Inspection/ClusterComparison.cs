using System.Text.RegularExpressions;
using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Rendering;

namespace Cogrion.InfraGen.Inspection;

/// <summary>One value that differs between two clusters.</summary>
/// <param name="Path">Where in the document (<c>image.tag</c>).</param>
/// <param name="Left">The first cluster's value; null when it has none.</param>
/// <param name="Right">The second cluster's value; null when it has none.</param>
/// <param name="NamesOnly">
/// True when the two values are the same once each cluster's own names (cluster, env, region) are set aside:
/// a difference every pair of clusters has, like <c>values/dev-sgp-1/…</c> against <c>values/prod-sgp-1/…</c>.
/// </param>
public sealed record ValueDifference(string Path, string? Left, string? Right, bool NamesOnly);

/// <summary>How one app differs between two clusters.</summary>
/// <param name="App">The app.</param>
/// <param name="Values">Its effective values (chart defaults merged with the cluster's values file).</param>
/// <param name="Application">Its Argo CD Application manifest.</param>
public sealed record AppDifferences(string App, IReadOnlyList<ValueDifference> Values, IReadOnlyList<ValueDifference> Application)
{
    /// <summary>True when something other than the clusters' own names differs.</summary>
    public bool Differs => Values.Concat(Application).Any(d => !d.NamesOnly);
}

/// <summary>What a reviewer asks before a promotion: how the apps of one cluster differ from another's.</summary>
public static class ClusterComparison
{
    /// <summary>
    /// Compares every app (or the named ones) of <paramref name="left"/> and <paramref name="right"/>, in app name order. An app
    /// on one of the two only (<see cref="App.RunsOn"/>) differs in every value: each is on the other side's null.
    /// </summary>
    public static IReadOnlyList<AppDifferences> Compare(ResolvedEstate model, RenderedTree tree, Cluster left, Cluster right, IReadOnlyCollection<string> apps)
    {
        var result = new List<AppDifferences>();
        foreach (var app in model.Apps.Where(a => apps.Count == 0 || apps.Contains(a.Name)))
        {
            var (onLeft, onRight) = (model.Find(left, app), model.Find(right, app));
            if (onLeft is null && onRight is null)
            {
                continue;
            }

            var values = Differences(onLeft?.Effective, onRight?.Effective, left, right);
            var application = Differences(ApplicationOf(tree, onLeft), ApplicationOf(tree, onRight), left, right);
            result.Add(new AppDifferences(app.Name, values, application));
        }

        return result;
    }

    private static DocNode? ApplicationOf(RenderedTree tree, AppOnCluster? placed) =>
        placed is null ? null : tree.Files[TreeLayout.Application(placed.Cluster.Name, placed.App.Name)].Documents[0];

    /// <summary>The differing leaves; a null side is an app that does not run on that cluster: it has none.</summary>
    private static List<ValueDifference> Differences(DocNode? left, DocNode? right, Cluster leftCluster, Cluster rightCluster)
    {
        var leftLeaves = Leaves(left);
        var rightLeaves = Leaves(right);

        // Paths in the first cluster's order, then those only the second has.
        var paths = leftLeaves.Keys.Concat(rightLeaves.Keys.Where(p => !leftLeaves.ContainsKey(p)));
        var differences = new List<ValueDifference>();
        foreach (var path in paths)
        {
            var a = leftLeaves.GetValueOrDefault(path);
            var b = rightLeaves.GetValueOrDefault(path);
            if (string.Equals(a, b, StringComparison.Ordinal))
            {
                continue;
            }

            var namesOnly = a is not null && b is not null
                && string.Equals(WithoutNames(a, leftCluster), WithoutNames(b, rightCluster), StringComparison.Ordinal);
            differences.Add(new ValueDifference(path, a, b, namesOnly));
        }

        return differences;
    }

    private static Dictionary<string, string?> Leaves(DocNode? document) =>
        document is null ? new() : DocPaths.Leaves(document).ToDictionary(l => l.Path, l => (string?)l.Value, StringComparer.Ordinal);

    /// <summary>
    /// The value with the cluster's own names set aside: the cluster and region names become placeholders and the env
    /// name is dropped with one separator after it, since conventions often leave it out for one env
    /// (<c>cplane.dev.sgp-1…</c> against <c>cplane.sgp-1…</c>). Whole words only, so "dev" in "devops" stays.
    /// </summary>
    private static string WithoutNames(string value, Cluster cluster)
    {
        value = Regex.Replace(value, Word(cluster.Name), "{cluster}", RegexOptions.CultureInvariant);
        value = Regex.Replace(value, Word(cluster.Region.Name), "{region}", RegexOptions.CultureInvariant);
        return Regex.Replace(value, Word(cluster.Env.Name) + "[.-]?", string.Empty, RegexOptions.CultureInvariant);
    }

    private static string Word(string name) => $"(?<![A-Za-z0-9]){Regex.Escape(name)}(?![A-Za-z0-9])";
}
