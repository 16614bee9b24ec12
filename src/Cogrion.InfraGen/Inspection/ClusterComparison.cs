using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Rendering;

namespace Cogrion.InfraGen.Inspection;

/// <summary>One file of both clusters compared (or an app's effective values).</summary>
/// <param name="Name">What it is for every cluster: <c>values</c>, <c>application</c>, or its path with the cluster's name as a placeholder (<c>argocd/bootstrap/&lt;cluster&gt;.yaml</c>).</param>
/// <param name="Differences">The values that differ.</param>
/// <param name="OnlyOn">The one cluster that has the file, or null when both have it.</param>
public sealed record ComparedFile(string Name, IReadOnlyList<ValueDifference> Differences, string? OnlyOn = null)
{
    /// <summary>True when something other than the clusters' own names differs.</summary>
    public bool Differs => OnlyOn is not null || Differences.Any(d => !d.NamesOnly);
}

/// <summary>The files of one app (or of the clusters themselves) compared.</summary>
/// <param name="Name">The app, or null for the clusters' own files (bootstrap, root, …).</param>
/// <param name="Files">Its files: for an app, its effective values first, then its Application, then any other.</param>
public sealed record ComparedGroup(string? Name, IReadOnlyList<ComparedFile> Files)
{
    /// <summary>True when something other than the clusters' own names differs.</summary>
    public bool Differs => Files.Any(f => f.Differs);
}

/// <summary>Two clusters compared: their own files, then each app's.</summary>
/// <param name="Clusters">The clusters' own files; null when the comparison is narrowed to some apps.</param>
/// <param name="Apps">Each app, in name order.</param>
public sealed record ClusterDifferences(ComparedGroup? Clusters, IReadOnlyList<ComparedGroup> Apps);

/// <summary>
/// What a reviewer asks before a promotion: how every file of one cluster differs from the other's. Generic over
/// the files: whatever the tree holds for a cluster (bootstrap, root, Applications, values, any kind added later) is
/// paired with the other cluster's file of the same role (its path with the cluster's name set aside). An app's
/// values are compared as the chart sees them: its defaults merged with the cluster's values file. An app that runs on
/// one of the two only (<see cref="App.RunsOn"/>) has its files there only, and is said so.
/// </summary>
public static class ClusterComparison
{
    /// <summary>Compares every file of <paramref name="left"/> and <paramref name="right"/> (or only the named apps').</summary>
    public static ClusterDifferences Compare(ResolvedEstate model, RenderedTree tree, Cluster left, Cluster right, IReadOnlyCollection<string> apps)
    {
        var leftFiles = tree.Files.Values.Where(f => f.Cluster == left).ToDictionary(f => DocumentDifferences.Role(f.Path, left), StringComparer.Ordinal);
        var rightFiles = tree.Files.Values.Where(f => f.Cluster == right).ToDictionary(f => DocumentDifferences.Role(f.Path, right), StringComparer.Ordinal);
        var roles = leftFiles.Keys.Union(rightFiles.Keys, StringComparer.Ordinal)
            .Select(r => (Role: r, File: leftFiles.GetValueOrDefault(r) ?? rightFiles[r]))
            .ToList();

        ComparedGroup? clusters = null;
        if (apps.Count == 0)
        {
            clusters = new ComparedGroup(null, [.. roles.Where(r => r.File.App is null).OrderBy(r => r.Role, StringComparer.Ordinal).Select(r => File(r.Role, r.Role))]);
        }

        var groups = new List<ComparedGroup>();
        foreach (var app in model.Apps.Where(a => (apps.Count == 0 || apps.Contains(a.Name)) && (model.Find(left, a) ?? model.Find(right, a)) is not null))
        {
            var files = roles.Where(r => r.File.App == app)
                .OrderBy(r => Order(r.File.Kind))
                .ThenBy(r => r.Role, StringComparer.Ordinal)
                .Select(r => r.File.Kind switch
                {
                    FileKind.ClusterValues => Values(r.Role),
                    FileKind.Application => File(r.Role, "application"),
                    _ => File(r.Role, r.Role),
                });
            groups.Add(new ComparedGroup(app.Name, [.. files]));
        }

        return new ClusterDifferences(clusters, groups);

        ComparedFile File(string role, string name) =>
            Pair(name, leftFiles.GetValueOrDefault(role), rightFiles.GetValueOrDefault(role), (a, b) => DocumentDifferences.Of(a.Documents, b.Documents, left, right));

        // The values the chart sees, not the file: a key moved into the chart defaults is no difference.
        ComparedFile Values(string role) => Pair("values", leftFiles.GetValueOrDefault(role), rightFiles.GetValueOrDefault(role), (a, b) => DocumentDifferences.Of(
            model.Find(left, a.App!)!.Effective, model.Find(right, b.App!)!.Effective, left, right));

        ComparedFile Pair(string name, RenderedFile? a, RenderedFile? b, Func<RenderedFile, RenderedFile, IReadOnlyList<ValueDifference>> compare) =>
            a is null ? new ComparedFile(name, [], right.Name)
            : b is null ? new ComparedFile(name, [], left.Name)
            : new ComparedFile(name, compare(a, b));
    }

    private static int Order(FileKind kind) => kind switch
    {
        FileKind.ClusterValues => 0,
        FileKind.Application => 1,
        _ => 2,
    };
}
