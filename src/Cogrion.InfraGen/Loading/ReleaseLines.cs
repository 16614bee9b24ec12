using Cogrion.InfraGen.Diagnostics;

namespace Cogrion.InfraGen.Loading;

/// <summary>
/// INFRA1103 for each releases.yaml line no app reads: naming the clusters or apps that exist when the line's name is
/// not one of them, and saying so when the app does not run on the line's cluster. A line of an app whose values
/// failed on that cluster (INFRA1003/INFRA1004 say why) is not judged: whether the values would read the tag is
/// unknown, and "remove the line" would be wrong advice.
/// </summary>
internal static class ReleaseLines
{
    public static void CheckUnused(
        Releases releases, List<Cluster> clusters, List<App> apps, Dictionary<Cluster, List<(App App, SyncPolicy Policy)>> placed,
        IReadOnlyCollection<AppOnCluster> built, HashSet<(string Cluster, string App)> tagsRead, List<InfraDiagnostic> diagnostics)
    {
        var builtPairs = built.Select(p => (p.Cluster.Name, p.App.Name)).ToHashSet();
        foreach (var entry in releases.Entries)
        {
            var at = new SourceLocation(releases.File, entry.Line);
            if (tagsRead.Contains((entry.Cluster, entry.App)))
            {
                continue;
            }

            var cluster = clusters.Find(c => c.Name == entry.Cluster);
            if (cluster is null)
            {
                diagnostics.Add(ModelErrors.ReleaseOfUnknownName(entry.App, entry.Cluster, "cluster", entry.Cluster, clusters.Select(c => c.Name), at));
            }
            else if (!apps.Exists(a => a.Name == entry.App))
            {
                diagnostics.Add(ModelErrors.ReleaseOfUnknownName(entry.App, entry.Cluster, "app", entry.App, apps.Select(a => a.Name), at));
            }
            else if (!placed[cluster].Exists(p => p.App.Name == entry.App))
            {
                diagnostics.Add(ModelErrors.ReleaseWhereAppDoesNotRun(entry.App, entry.Cluster, at));
            }
            else if (builtPairs.Contains((entry.Cluster, entry.App)))
            {
                diagnostics.Add(ModelErrors.UnusedRelease(entry.App, entry.Cluster, at));
            }
        }
    }
}
