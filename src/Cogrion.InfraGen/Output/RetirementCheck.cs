using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Rendering;

namespace Cogrion.InfraGen.Output;

/// <summary>
/// Deletion is deliberate: an Application in out/ that the model no longer renders is an app or a cluster removed from
/// the model, and once the tree is pushed the root Application prunes it and Argo CD deletes everything it deployed.
/// An app whose <see cref="App.RunsOn"/> leaves out a cluster it ran on is the same deletion there.
/// Unless the model records the retirement (<see cref="Estate.Retired"/>), generating refuses, naming what would be
/// deleted on which clusters (INFRA1014); out/ stays as it was.
/// </summary>
public static class RetirementCheck
{
    public static void Check(Estate estate, RenderedTree tree, string outDirectory)
    {
        if (!Directory.Exists(outDirectory))
        {
            return;
        }

        var retired = estate.Retired.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var removed = TreeWriter.ExistingFiles(outDirectory)
            .Where(p => p.StartsWith("argocd/apps/", StringComparison.Ordinal) && p.EndsWith(".yaml", StringComparison.Ordinal) && !tree.Files.ContainsKey(p))
            .Select(p => p.Split('/'))
            .Where(parts => parts.Length == 4)
            .Select(parts => (Cluster: parts[2], App: parts[3][..^".yaml".Length]))
            .Where(r => !retired.Contains(r.App) && !retired.Contains(r.Cluster))
            .ToList();
        if (removed.Count == 0)
        {
            return;
        }

        var clusters = estate.Clusters.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var problems = new List<InfraDiagnostic>();
        foreach (var gone in removed.Where(r => !clusters.Contains(r.Cluster)).GroupBy(r => r.Cluster))
        {
            problems.Add(ModelErrors.Retirement(
                $"cluster '{gone.Key}'", $"its Applications {string.Join(", ", gone.Select(g => g.App))}", several: true, gone.Key,
                Path.Combine(outDirectory, TreeLayout.AppsDirectory(gone.Key))));
        }

        var apps = estate.Apps.OfType<App>().Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in removed.Where(r => clusters.Contains(r.Cluster) && apps.Contains(r.App)).GroupBy(r => r.App))
        {
            // The app is still in the model: its RunsOn left these clusters out.
            problems.Add(ModelErrors.RetirementFromClusters(
                gone.Key, [.. gone.Select(g => g.Cluster)], Path.Combine(outDirectory, TreeLayout.Application(gone.First().Cluster, gone.Key))));
        }

        foreach (var gone in removed.Where(r => clusters.Contains(r.Cluster) && !apps.Contains(r.App)).GroupBy(r => r.App))
        {
            problems.Add(ModelErrors.Retirement(
                $"app '{gone.Key}'", $"its Application{(gone.Count() > 1 ? "s" : "")} on {string.Join(", ", gone.Select(g => g.Cluster))}", several: gone.Count() > 1, gone.Key,
                Path.Combine(outDirectory, TreeLayout.Application(gone.First().Cluster, gone.Key))));
        }

        throw new InfraGenException(problems);
    }
}
