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
    public static InfraModel Load(IInfraCatalog catalog, ModelPaths paths) => Load(Define(catalog), paths);

    /// <summary>
    /// Loads the catalog's estate with <paramref name="releasesText"/> standing in for <c>releases.yaml</c>: an edit of
    /// the file is checked this way before it is written.
    /// </summary>
    public static InfraModel Load(IInfraCatalog catalog, ModelPaths paths, string releasesText) => Load(Define(catalog), paths, releasesText);

    /// <summary>Runs the model's <c>Define()</c>; throws <see cref="InfraGenException"/> (INFRA1000) when it throws.</summary>
    public static Estate Define(IInfraCatalog catalog)
    {
        try
        {
            return catalog.CreateModel().Define() ?? throw new InfraGenException([ModelErrors.NoEstate()]);
        }
        catch (Exception e) when (e is not InfraGenException)
        {
            throw new InfraGenException([ModelErrors.ModelThrew(e)]);
        }
    }

    /// <summary>Loads an estate built in code (tests build broken ones this way).</summary>
    public static InfraModel Load(Estate estate, ModelPaths paths) => Load(estate, paths, releasesText: null);

    /// <summary>Loads an estate built in code, reading <paramref name="releasesText"/> as <c>releases.yaml</c> unless null.</summary>
    public static InfraModel Load(Estate estate, ModelPaths paths, string? releasesText)
    {
        var diagnostics = new List<InfraDiagnostic>();
        CheckRepo(estate.Repo, diagnostics);
        var clusters = CheckClusters(estate.Clusters ?? [], diagnostics); // null! defeats `required`: the same as none.
        CodeOwnership.CheckApprovers(clusters, diagnostics);
        var apps = CheckApps(estate.Apps ?? [], diagnostics);
        ClusterInputs.Check(clusters, apps, diagnostics);
        var dependencies = Dependencies(estate, apps, diagnostics);
        var waves = SyncWaves(apps, dependencies, diagnostics);
        var releases = releasesText is null
            ? Releases.Load(paths.ReleasesFile, diagnostics)
            : Releases.Parse(paths.ReleasesFile, releasesText, diagnostics);
        var footprint = Footprint.Load(paths.FootprintFile, diagnostics);
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
                var deployment = BuildDeployment(estate, cluster, app, apps, defaults[app.Name], releases, clusters, tagsRead, diagnostics);
                if (deployment is not null)
                {
                    deployments.Add((cluster.Name, app.Name), deployment);
                }
            }
        }

        CheckUnusedReleases(releases, clusters, apps, deployments, tagsRead, diagnostics);

        if (diagnostics.Count > 0)
        {
            throw new InfraGenException(diagnostics);
        }

        return new InfraModel(estate, paths, clusters, apps, defaults, waves, dependencies, deployments, releases, footprint);
    }

    /// <summary>
    /// INFRA1103 for each releases.yaml line no app reads: naming the clusters or apps that exist when the line's name
    /// is not one of them. A line of an app whose values failed on that cluster (INFRA1003/INFRA1004 say why) is not
    /// judged: whether the values would read the tag is unknown, and "remove the line" would be wrong advice.
    /// </summary>
    private static void CheckUnusedReleases(
        Releases releases, List<Cluster> clusters, List<App> apps, Dictionary<(string, string), Deployment> deployments,
        HashSet<(string, string)> tagsRead, List<InfraDiagnostic> diagnostics)
    {
        foreach (var entry in releases.Entries)
        {
            var at = new SourceLocation(releases.File, entry.Line);
            if (tagsRead.Contains((entry.Cluster, entry.App)))
            {
                continue;
            }

            if (!clusters.Exists(c => c.Name == entry.Cluster))
            {
                diagnostics.Add(ModelErrors.ReleaseOfUnknownName(entry.App, entry.Cluster, "cluster", entry.Cluster, clusters.Select(c => c.Name), at));
            }
            else if (!apps.Exists(a => a.Name == entry.App))
            {
                diagnostics.Add(ModelErrors.ReleaseOfUnknownName(entry.App, entry.Cluster, "app", entry.App, apps.Select(a => a.Name), at));
            }
            else if (deployments.ContainsKey((entry.Cluster, entry.App)))
            {
                diagnostics.Add(ModelErrors.UnusedRelease(entry.App, entry.Cluster, at));
            }
        }
    }

    /// <summary>
    /// Whether the app's values function reads an image tag on the cluster, found by running it with a placeholder
    /// tag (values functions are deterministic and do no I/O). A function that throws counts as reading one: the
    /// real run reports why it throws.
    /// </summary>
    public static bool ReadsImageTag(App app, Cluster cluster)
    {
        var read = false;
        try
        {
            app.ValuesFor(new AppContext(cluster, app.Name, () =>
            {
                read = true;
                return ImageTag.Parse("sha-0000000");
            }));
        }
        catch (Exception)
        {
            return true;
        }

        return read;
    }

    private static Deployment? BuildDeployment(
        Estate estate, Cluster cluster, App app, List<App> apps, DocMap defaults, Releases releases, List<Cluster> clusters,
        HashSet<(string, string)> tagsRead, List<InfraDiagnostic> diagnostics)
    {
        var context = new AppContext(cluster, app.Name, () =>
        {
            tagsRead.Add((cluster.Name, app.Name));
            return releases.Find(cluster.Name, app.Name)?.Tag ?? throw new MissingReleaseException(MissingRelease(cluster, app, releases, clusters));
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
            if (ReferenceEquals(app, estate.SecretStoreApp))
            {
                if (effective[SecretStoreValues.Key] is not null || defaults[SecretStoreValues.Key] is not null)
                {
                    diagnostics.Add(ModelErrors.GeneratedValuesConflict(app.Name, SecretStoreValues.Key, app.ValuesInfo.DeclaredAt));
                    return null;
                }

                effective.Add(SecretStoreValues.Key, SecretStoreValues.For(cluster, apps));
            }

            return new Deployment(cluster, app, effective, ValuesLayers.Subtract(effective, defaults));
        }
        catch (MissingReleaseException e)
        {
            diagnostics.Add(e.Diagnostic);
        }
        catch (MissingClusterInputException e)
        {
            diagnostics.Add(ModelErrors.MissingClusterInput(e));
        }
        catch (Exception e)
        {
            diagnostics.Add(ModelErrors.ValuesThrew(app.Name, cluster.Name, e, app.DeclaredAt));
        }

        return null;
    }

    /// <summary>
    /// A missing tag, at the cluster's section of releases.yaml (or, for a cluster the file does not know yet, at the
    /// cluster's declaration), naming a cluster to promote the tag from: one of the same tier if any has it.
    /// </summary>
    private static InfraDiagnostic MissingRelease(Cluster cluster, App app, Releases releases, List<Cluster> clusters)
    {
        var at = releases.SectionLine(cluster.Name) is { } line ? new SourceLocation(releases.File, line) : cluster.DeclaredAt;
        var source = clusters
            .Where(c => c.Name != cluster.Name && releases.Find(c.Name, app.Name) is not null)
            .OrderBy(c => c.Env.Name == cluster.Env.Name ? 0 : 1)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return ModelErrors.MissingRelease(app.Name, cluster.Name, source?.Name, at);
    }

    private static void CheckRepo(GitRepo? repo, List<InfraDiagnostic> diagnostics)
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

            if (!seen.TryAdd(app.Name, app))
            {
                diagnostics.Add(ModelErrors.Duplicate("App", app.Name, seen[app.Name].DeclaredAt, app.DeclaredAt));
            }
        }

        return [.. seen.Values.OrderBy(a => a.Name, StringComparer.Ordinal)];
    }

    /// <summary>
    /// What each app syncs after: its DependsOn, and the secret store's app for an app with Secrets (its ExternalSecret
    /// needs External Secrets' CRDs and the store). Reports a SecretStoreApp that is not an app of the estate.
    /// </summary>
    private static Dictionary<string, IReadOnlyList<string>> Dependencies(Estate estate, List<App> apps, List<InfraDiagnostic> diagnostics)
    {
        if (estate.ArgoCdApp is { } argocd)
        {
            if (!apps.Contains(argocd))
            {
                diagnostics.Add(ModelErrors.NotAnApp("ArgoCdApp", argocd.Name, argocd.DeclaredAt));
            }
            else if (argocd.Namespace != Rendering.ArgoCdManifests.ArgoCdNamespace)
            {
                diagnostics.Add(ModelErrors.ArgoCdNamespace(argocd.Name, argocd.Namespace, Rendering.ArgoCdManifests.ArgoCdNamespace, argocd.DeclaredAt));
            }
        }

        var store = estate.SecretStoreApp;
        if (store is not null && !apps.Contains(store))
        {
            diagnostics.Add(ModelErrors.NotAnApp("SecretStoreApp", store.Name, store.DeclaredAt));
            store = null;
        }

        return apps.ToDictionary(
            a => a.Name,
            a => (IReadOnlyList<string>)[.. a.DependsOn.Concat(store is not null && a.Secrets.Count > 0 && a != store ? [store.Name] : []).Distinct(StringComparer.Ordinal)],
            StringComparer.Ordinal);
    }

    /// <summary>Each app's wave: the length of its longest dependency chain. Reports unknown apps and cycles.</summary>
    private static Dictionary<string, int> SyncWaves(List<App> apps, Dictionary<string, IReadOnlyList<string>> dependencies, List<InfraDiagnostic> diagnostics)
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
            foreach (var dependency in dependencies[app.Name])
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
