using Cogrion.InfraGen.Diagnostics;

namespace Cogrion.InfraGen.Loading;

/// <summary>
/// Runs the model's <c>Define()</c> and reads every input: checks names and duplicates (<see cref="EstateChecks"/>),
/// dependencies and sync waves (<see cref="DependencyWaves"/>), which apps run where (<see cref="AppPlacement"/>),
/// reads the release tags and the chart templates, and builds every app's values on every cluster it runs on
/// (<see cref="ClusterValues"/>). Reports every problem found, not just the first.
/// </summary>
public static class ModelLoader
{
    /// <summary>Loads the catalog's estate; throws <see cref="InfraGenException"/> with all problems found.</summary>
    public static ResolvedEstate Load(IInfraCatalog catalog, ModelPaths paths) => Load(Define(catalog), paths);

    /// <summary>
    /// Loads the catalog's estate with <paramref name="releasesText"/> standing in for <c>releases.yaml</c>: an edit of
    /// the file is checked this way before it is written.
    /// </summary>
    public static ResolvedEstate Load(IInfraCatalog catalog, ModelPaths paths, string releasesText) => Load(Define(catalog), paths, releasesText);

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
    public static ResolvedEstate Load(Estate estate, ModelPaths paths) => Load(estate, paths, releasesText: null);

    /// <summary>Loads an estate built in code, reading <paramref name="releasesText"/> as <c>releases.yaml</c> unless null.</summary>
    public static ResolvedEstate Load(Estate estate, ModelPaths paths, string? releasesText)
    {
        var diagnostics = new List<InfraDiagnostic>();
        EstateChecks.CheckRepo(estate.Repo, diagnostics);
        var clusters = EstateChecks.CheckClusters(estate.Clusters ?? [], diagnostics); // null! defeats `required`: the same as none.
        CodeOwnership.CheckApprovers(clusters, diagnostics);
        var apps = EstateChecks.CheckApps(estate.Apps ?? [], diagnostics);
        var dependencies = DependencyWaves.Compute(apps, diagnostics);
        var placed = AppPlacement.Place(clusters, apps, dependencies, diagnostics);
        var releases = releasesText is null
            ? Releases.Load(paths.ReleasesFile, diagnostics)
            : Releases.Parse(paths.ReleasesFile, releasesText, diagnostics);
        var charts = apps.Select(a => new ResolvedChart(
            a, a.ValuesInfo.Defaults(), a.ValuesInfo.SchemaJson, dependencies[a].Wave, ChartTemplates.Read(paths, a, diagnostics))).ToList();
        ThrowIfAny(diagnostics);

        var values = new ClusterValues(releases, clusters, diagnostics);
        var built = new List<AppOnCluster>();
        foreach (var cluster in clusters)
        {
            foreach (var (app, policy) in placed[cluster])
            {
                if (values.Build(cluster, app, policy, charts.Find(c => c.App == app)!.Defaults) is { } appOnCluster)
                {
                    built.Add(appOnCluster);
                }
            }
        }

        ReleaseLines.CheckUnused(releases, clusters, apps, placed, built, values.TagsRead, diagnostics);
        ThrowIfAny(diagnostics);
        return new ResolvedEstate(estate, paths, clusters, apps, charts, built, releases);
    }

    /// <summary>
    /// Whether the app's values function reads an image tag on the cluster, found by running it with a placeholder
    /// tag (values functions are deterministic and do no I/O).
    /// </summary>
    public static bool ReadsImageTag(App app, Cluster cluster) => ClusterValues.ReadsImageTag(app, cluster);

    /// <summary>
    /// Whether the app runs on the cluster (<see cref="App.RunsOn"/>), for commands that name both; a RunsOn that throws
    /// counts as running there, so the load that follows reports why it throws.
    /// </summary>
    public static bool RunsOn(App app, Cluster cluster)
    {
        try
        {
            return app.RunsOn?.Invoke(cluster) ?? true;
        }
        catch (Exception)
        {
            return true;
        }
    }

    private static void ThrowIfAny(List<InfraDiagnostic> diagnostics)
    {
        if (diagnostics.Count > 0)
        {
            throw new InfraGenException([.. diagnostics.Distinct()]);
        }
    }
}
