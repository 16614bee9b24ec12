using Cogrion.InfraGen.Documents;

namespace Cogrion.InfraGen.Loading;

/// <summary>One app on one cluster: its effective values, and what of them the cluster's values file holds.</summary>
/// <param name="Cluster">The cluster.</param>
/// <param name="App">The app.</param>
/// <param name="Effective">The values the chart sees (chart defaults merged with the file), as the model built them.</param>
/// <param name="File">The cluster's values file: only what differs from the chart defaults.</param>
public sealed record Deployment(Cluster Cluster, App App, DocMap Effective, DocMap File);

/// <summary>
/// The model resolved and checked: clusters and apps in name order, each app's chart defaults and sync wave,
/// and the values of every app on every cluster. Everything the renderer needs; nothing read from disk after this.
/// </summary>
public sealed class InfraModel
{
    internal InfraModel(
        Estate estate,
        ModelPaths paths,
        IReadOnlyList<Cluster> clusters,
        IReadOnlyList<App> apps,
        IReadOnlyDictionary<string, DocMap> chartDefaults,
        IReadOnlyDictionary<string, int> syncWaves,
        IReadOnlyDictionary<string, IReadOnlyList<string>> dependencies,
        IReadOnlyDictionary<(string Cluster, string App), Deployment> deployments,
        Releases releases,
        Footprint footprint)
    {
        Estate = estate;
        Paths = paths;
        Clusters = clusters;
        Apps = apps;
        ChartDefaults = chartDefaults;
        SyncWaves = syncWaves;
        Dependencies = dependencies;
        Deployments = deployments;
        Releases = releases;
        Footprint = footprint;
    }

    /// <summary>The estate as the model defined it.</summary>
    public Estate Estate { get; }

    /// <summary>Where the model and the tree are.</summary>
    public ModelPaths Paths { get; }

    /// <summary>Clusters, ordered by name.</summary>
    public IReadOnlyList<Cluster> Clusters { get; }

    /// <summary>Apps, ordered by name.</summary>
    public IReadOnlyList<App> Apps { get; }

    /// <summary>Each chart's defaults (its <c>values.yaml</c>), by app name.</summary>
    public IReadOnlyDictionary<string, DocMap> ChartDefaults { get; }

    /// <summary>Each app's Argo CD sync wave: 0 for apps with no dependencies, else one more than the latest dependency.</summary>
    public IReadOnlyDictionary<string, int> SyncWaves { get; }

    /// <summary>
    /// The apps each app syncs after, by name: its <see cref="App.DependsOn"/>, and for an app with Secrets the
    /// <see cref="Estate.SecretStoreApp"/> (derived, never listed by hand). Sync waves follow these.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Dependencies { get; }

    /// <summary>What each app's charts render, from <c>model/footprint.yaml</c>: its AppProject permits exactly that.</summary>
    public Footprint Footprint { get; }

    /// <summary>The app that installs External Secrets and the secret store (<see cref="Estate.SecretStoreApp"/>), if any.</summary>
    public App? SecretStoreApp => Estate.SecretStoreApp;

    /// <summary>Every app on every cluster.</summary>
    public IReadOnlyDictionary<(string Cluster, string App), Deployment> Deployments { get; }

    /// <summary>The release tags file as read.</summary>
    public Releases Releases { get; }

    /// <summary>The deployment of <paramref name="app"/> on <paramref name="cluster"/>.</summary>
    public Deployment Deployment(Cluster cluster, App app) => Deployments[(cluster.Name, app.Name)];
}
