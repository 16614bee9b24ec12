using Cogrion.InfraGen.Diagnostics;

namespace Cogrion.InfraGen.Loading;

/// <summary>The estate's own checks: the repository, and each cluster's and app's names, once each and well formed.</summary>
internal static class EstateChecks
{
    public static void CheckRepo(GitRepo? repo, List<InfraDiagnostic> diagnostics)
    {
        if (repo is null || !Uri.TryCreate(repo.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "ssh" or "git"))
        {
            diagnostics.Add(ModelErrors.InvalidRepo($"Estate Repo.Url '{repo?.Url}' must be an absolute https://, ssh:// or git:// URL.", repo?.DeclaredAt ?? default));
        }

        if (repo is not null && string.IsNullOrWhiteSpace(repo.Revision))
        {
            diagnostics.Add(ModelErrors.InvalidRepo("Estate Repo.Revision must name the branch or tag Argo CD follows.", repo.DeclaredAt));
        }

        if (repo is not null && CodeOwnership.CheckPath(repo) is { } problem)
        {
            diagnostics.Add(ModelErrors.InvalidRepo(problem, repo.DeclaredAt));
        }
    }

    /// <summary>The clusters with valid, unique names, in name order.</summary>
    public static List<Cluster> CheckClusters(IReadOnlyList<Cluster> clusters, List<InfraDiagnostic> diagnostics)
    {
        if (clusters.Count == 0)
        {
            diagnostics.Add(ModelErrors.EmptyEstate("clusters"));
        }

        var seen = new Dictionary<string, Cluster>(StringComparer.Ordinal);
        foreach (var cluster in clusters)
        {
            var valid = true;
            if (!DnsLabel.IsValid(cluster.Env.Name))
            {
                diagnostics.Add(ModelErrors.NotALabel("Cluster", "Env.Name", cluster.Env.Name, cluster.DeclaredAt));
                valid = false;
            }

            if (!DnsLabel.IsValid(cluster.Region.Name))
            {
                diagnostics.Add(ModelErrors.NotALabel("Cluster", "Region.Name", cluster.Region.Name, cluster.DeclaredAt));
                valid = false;
            }

            if (valid && !DnsLabel.IsValid(cluster.Name))
            {
                diagnostics.Add(ModelErrors.NotALabel("Cluster", "Name", cluster.Name, cluster.DeclaredAt));
            }

            if (!seen.TryAdd(cluster.Name, cluster))
            {
                diagnostics.Add(ModelErrors.Duplicate("Cluster", cluster.Name, seen[cluster.Name].DeclaredAt, cluster.DeclaredAt));
            }
        }

        return [.. seen.Values.OrderBy(c => c.Name, StringComparer.Ordinal)];
    }

    /// <summary>The apps with valid, unique names, in name order.</summary>
    public static List<App> CheckApps(IReadOnlyList<App> apps, List<InfraDiagnostic> diagnostics)
    {
        if (apps.Count == 0)
        {
            diagnostics.Add(ModelErrors.EmptyEstate("apps"));
        }

        var seen = new Dictionary<string, App>(StringComparer.Ordinal);
        for (var i = 0; i < apps.Count; i++)
        {
            if (apps[i] is not { } app)
            {
                diagnostics.Add(ModelErrors.NullApp("Estate Apps", i, default));
                continue;
            }

            if (!DnsLabel.IsValid(app.Name))
            {
                diagnostics.Add(ModelErrors.NotALabel("App", "Name", app.Name, app.DeclaredAt));
            }

            if (!DnsLabel.IsValid(app.Namespace))
            {
                diagnostics.Add(ModelErrors.NotALabel("App", "Namespace", app.Namespace, app.DeclaredAt));
            }

            foreach (var other in app.AlsoDeploysTo.Where(n => !DnsLabel.IsValid(n)))
            {
                diagnostics.Add(ModelErrors.NotALabel("App", "AlsoDeploysTo", other, app.DeclaredAt));
            }

            if (!seen.TryAdd(app.Name, app))
            {
                diagnostics.Add(ModelErrors.Duplicate("App", app.Name, seen[app.Name].DeclaredAt, app.DeclaredAt));
            }
        }

        return [.. seen.Values.OrderBy(a => a.Name, StringComparer.Ordinal)];
    }
}
