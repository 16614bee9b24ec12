using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Documents;

namespace Cogrion.InfraGen.Loading;

/// <summary>
/// Runs the model's <c>Define()</c>, checks names, duplicates and dependencies, reads the release tags, and
/// builds every app's values for every cluster. Reports every problem found, not just the first.
/// </summary>
public static class ModelLoader
{
    /// <summary>Loads the catalog's estate; throws <see cref="InfraGenException"/> with all problems found.</summary>
    public static InfraModel Load(IInfraCatalog catalog, ModelPaths paths)
    {
        Estate estate;
        try
        {
            estate = catalog.CreateModel().Define();
        }
        catch (Exception e) when (e is not InfraGenException)
        {
            throw new InfraGenException([ModelErrors.ModelThrew(e)]);
        }

        return Load(estate ?? throw new InfraGenException([ModelErrors.NoEstate()]), paths);
    }

    /// <summary>Loads an estate built in code (tests build broken ones this way).</summary>
    public static InfraModel Load(Estate estate, ModelPaths paths)
    {
        var diagnostics = new List<InfraDiagnostic>();
        CheckRepo(estate.Repo, diagnostics);
        var clusters = CheckClusters(estate.Clusters ?? [], diagnostics); // null! defeats `required`: the same as none.
        var apps = CheckApps(estate.Apps ?? [], diagnostics);
        var waves = SyncWaves(apps, diagnostics);
        var releases = Releases.Load(paths.ReleasesFile, diagnostics);
        if (diagnostics.Count > 0)
        {
            throw new InfraGenException(diagnostics);
        }

        var defaults = apps.ToDictionary(a => a.Name, a => a.ValuesInfo.Defaults(), StringComparer.Ordinal);
        var deployments = new Dictionary<(string, string), Deployment>();
        var tagsRead = new HashSet<(string, string)>();
        foreach (var cluster in clusters)
        {
            foreach (var app in apps)
            {
                var deployment = BuildDeployment(cluster, app, defaults[app.Name], releases, tagsRead, diagnostics);
                if (deployment is not null)
                {
                    deployments.Add((cluster.Name, app.Name), deployment);
                }
            }
        }

        foreach (var entry in releases.Entries)
        {
            if (!tagsRead.Contains((entry.Cluster, entry.App)))
            {
                diagnostics.Add(ModelErrors.UnusedRelease(entry.App, entry.Cluster, new SourceLocation(releases.File, entry.Line)));
            }
        }

        if (diagnostics.Count > 0)
        {
            throw new InfraGenException(diagnostics);
        }

        return new InfraModel(estate, paths, clusters, apps, defaults, waves, deployments, releases);
    }

    private static Deployment? BuildDeployment(
        Cluster cluster, App app, DocMap defaults, Releases releases, HashSet<(string, string)> tagsRead, List<InfraDiagnostic> diagnostics)
    {
        var context = new AppContext(cluster, app.Name, () =>
        {
            tagsRead.Add((cluster.Name, app.Name));
            return releases.Find(cluster.Name, app.Name)?.Tag
                ?? throw new MissingReleaseException(ModelErrors.MissingRelease(app.Name, cluster.Name, new SourceLocation(releases.File, 1)));
        });

        try
        {
            var values = app.ValuesFor(context);
            if (values is null)
            {
                diagnostics.Add(ModelErrors.NoValues(app.Name, cluster.Name, app.DeclaredAt));
                return null;
            }

            var effective = values.ToValuesDocument();
            return new Deployment(cluster, app, effective, ValuesLayers.Subtract(effective, defaults));
        }
        catch (MissingReleaseException e)
        {
            diagnostics.Add(e.Diagnostic);
        }
        catch (Exception e)
        {
            diagnostics.Add(ModelErrors.ValuesThrew(app.Name, cluster.Name, e, app.DeclaredAt));
        }

        return null;
    }

    private static void CheckRepo(GitRepo? repo, List<InfraDiagnostic> diagnostics)
    {
        if (repo is null || !Uri.TryCreate(repo.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "ssh" or "git"))
        {
            diagnostics.Add(ModelErrors.InvalidRepo($"Estate Repo.Url '{repo?.Url}' must be an absolute https://, ssh:// or git:// URL.", default));
        }

        if (repo is not null && string.IsNullOrWhiteSpace(repo.Revision))
        {
            diagnostics.Add(ModelErrors.InvalidRepo("Estate Repo.Revision must name the branch or tag Argo CD follows.", default));
        }
    }

    private static List<Cluster> CheckClusters(IReadOnlyList<Cluster> clusters, List<InfraDiagnostic> diagnostics)
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

    private static List<App> CheckApps(IReadOnlyList<App> apps, List<InfraDiagnostic> diagnostics)
    {
        if (apps.Count == 0)
        {
            diagnostics.Add(ModelErrors.EmptyEstate("apps"));
        }

        var seen = new Dictionary<string, App>(StringComparer.Ordinal);
        foreach (var app in apps)
        {
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

    /// <summary>Each app's wave: the length of its longest dependency chain. Reports unknown apps and cycles.</summary>
    private static Dictionary<string, int> SyncWaves(List<App> apps, List<InfraDiagnostic> diagnostics)
    {
        var byName = apps.ToDictionary(a => a.Name, StringComparer.Ordinal);
        var waves = new Dictionary<string, int>(StringComparer.Ordinal);
        var visiting = new List<string>();
        var reportedCycle = false;

        int Wave(App app)
        {
            if (waves.TryGetValue(app.Name, out var known))
            {
                return known;
            }

            var index = visiting.IndexOf(app.Name);
            if (index >= 0)
            {
                if (!reportedCycle)
                {
                    diagnostics.Add(ModelErrors.DependencyCycle([.. visiting.Skip(index), app.Name], app.DeclaredAt));
                    reportedCycle = true;
                }

                return 0;
            }

            visiting.Add(app.Name);
            var wave = 0;
            foreach (var dependency in app.DependsOn)
            {
                if (byName.TryGetValue(dependency, out var other))
                {
                    wave = Math.Max(wave, Wave(other) + 1);
                }
                else
                {
                    diagnostics.Add(ModelErrors.UnknownDependency(app.Name, dependency, app.DeclaredAt));
                }
            }

            visiting.RemoveAt(visiting.Count - 1);
            waves[app.Name] = wave;
            return wave;
        }

        foreach (var app in apps)
        {
            Wave(app);
        }

        return waves;
    }

    private sealed class MissingReleaseException(InfraDiagnostic diagnostic) : Exception(diagnostic.Message)
    {
        public InfraDiagnostic Diagnostic { get; } = diagnostic;
    }
}
