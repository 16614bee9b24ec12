using Cogrion.InfraGen.Diagnostics;

namespace Cogrion.InfraGen.Loading;

/// <summary>
/// Which clusters each app runs on (<see cref="App.RunsOn"/>) and how Argo CD syncs it on each (<see cref="App.SyncPolicy"/>),
/// with the checks that make the answer usable: every app runs somewhere, every cluster runs something, and an app's
/// dependencies run wherever it does.
/// </summary>
internal static class AppPlacement
{
    /// <summary>Each cluster's apps (in app order) with their sync policy there. Reports what the model gets wrong.</summary>
    public static Dictionary<Cluster, List<(App App, SyncPolicy Policy)>> Place(
        List<Cluster> clusters, List<App> apps, Dictionary<App, (IReadOnlyList<App> Dependencies, int Wave)> dependencies, List<InfraDiagnostic> diagnostics)
    {
        var placed = clusters.ToDictionary(c => c, _ => new List<(App App, SyncPolicy Policy)>());
        var anyFailed = false; // A RunsOn that threw says nothing about where the app runs: no "runs nowhere" on top.
        foreach (var app in apps)
        {
            var failed = diagnostics.Count;
            var runs = clusters.Where(c => RunsOn(app, c, diagnostics)).ToList();
            anyFailed |= diagnostics.Count > failed;
            if (runs.Count == 0 && clusters.Count > 0 && diagnostics.Count == failed)
            {
                diagnostics.Add(ModelErrors.RunsNowhere(app.Name, clusters.Select(c => c.Name), app.DeclaredAt));
            }

            foreach (var cluster in runs)
            {
                if (PolicyOn(app, cluster, diagnostics) is { } policy)
                {
                    placed[cluster].Add((app, policy));
                }
            }
        }

        foreach (var (cluster, onCluster) in placed)
        {
            if (onCluster.Count == 0 && apps.Count > 0 && !anyFailed)
            {
                diagnostics.Add(ModelErrors.ClusterRunsNothing(cluster.Name, cluster.DeclaredAt));
            }

            var here = onCluster.Select(p => p.App).ToHashSet();
            foreach (var (app, _) in onCluster)
            {
                foreach (var dependency in dependencies[app].Dependencies.Where(d => !here.Contains(d)))
                {
                    var derived = !app.DependsOn.Any(listed => listed?.Name == dependency.Name);
                    diagnostics.Add(ModelErrors.DependencyNotOnCluster(app.Name, dependency.Name, cluster.Name, derived, app.DeclaredAt));
                }
            }
        }

        return placed;
    }

    private static bool RunsOn(App app, Cluster cluster, List<InfraDiagnostic> diagnostics)
    {
        try
        {
            return app.RunsOn?.Invoke(cluster) ?? true;
        }
        catch (Exception e)
        {
            diagnostics.Add(ModelErrors.ClusterFunctionFailed(app.Name, nameof(App.RunsOn), cluster.Name, $"threw {e.GetType().Name}: {e.Message}", ThrowSite.InModel(e) ?? app.DeclaredAt));
            return false;
        }
    }

    private static SyncPolicy? PolicyOn(App app, Cluster cluster, List<InfraDiagnostic> diagnostics)
    {
        try
        {
            var policy = app.SyncPolicy is null ? SyncPolicy.Default : app.SyncPolicy(cluster);
            if (policy is null)
            {
                diagnostics.Add(ModelErrors.ClusterFunctionFailed(app.Name, nameof(App.SyncPolicy), cluster.Name, "returned null", app.DeclaredAt));
            }

            return policy;
        }
        catch (Exception e)
        {
            diagnostics.Add(ModelErrors.ClusterFunctionFailed(app.Name, nameof(App.SyncPolicy), cluster.Name, $"threw {e.GetType().Name}: {e.Message}", ThrowSite.InModel(e) ?? app.DeclaredAt));
            return null;
        }
    }
}
