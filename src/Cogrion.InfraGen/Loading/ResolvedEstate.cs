using Cogrion.InfraGen.Documents;

namespace Cogrion.InfraGen.Loading;

/// <summary>
/// An app on a cluster it runs on (one Argo CD Application): its effective values, what of them the cluster's values
/// file holds, and how Argo CD syncs it there.
/// </summary>
/// <param name="Cluster">The cluster.</param>
/// <param name="App">The app.</param>
/// <param name="Effective">The values the chart sees (chart defaults merged with the file), as the model built them.</param>
/// <param name="File">The cluster's values file: only what differs from the chart defaults.</param>
/// <param name="SyncPolicy">The app's sync policy on this cluster.</param>
public sealed record AppOnCluster(Cluster Cluster, App App, DocMap Effective, DocMap File, SyncPolicy SyncPolicy);

/// <summary>A hand-written chart template, read from <c>model/charts/&lt;app&gt;/</c> while loading.</summary>
/// <param name="ChartPath">Its path in the chart, '/'-separated (<c>templates/deployment.yaml</c>).</param>
/// <param name="Text">Its text, line ends made <c>\n</c> and ending in one.</param>
/// <param name="Source">The model file it was read from.</param>
public sealed record ChartTemplate(string ChartPath, string Text, string Source);

/// <summary>What every cluster shares of an app: its chart's defaults and schema, its templates, and its sync wave.</summary>
/// <param name="App">The app.</param>
/// <param name="Defaults">The chart's <c>values.yaml</c>: the values record's initializers.</param>
/// <param name="SchemaJson">The chart's <c>values.schema.json</c>, with the values InfraGen supplies (<see cref="SuppliedValues"/>).</param>
/// <param name="SyncWave">Its Argo CD sync wave: 0 with no dependencies, else one more than its latest dependency's.</param>
/// <param name="Templates">The hand-written templates, in path order.</param>
public sealed record ResolvedChart(App App, DocMap Defaults, string SchemaJson, int SyncWave, IReadOnlyList<ChartTemplate> Templates);

/// <summary>
/// The model resolved and checked, with every input read: clusters and apps in name order, each app's chart, and each
/// app on each cluster it runs on. Everything the renderer needs; nothing is read from disk after this.
/// </summary>
public sealed class ResolvedEstate
{
    private readonly Dictionary<App, ResolvedChart> _charts;
    private readonly Dictionary<(Cluster, App), AppOnCluster> _placements;
    private readonly Dictionary<Cluster, IReadOnlyList<AppOnCluster>> _byCluster;

    internal ResolvedEstate(
        Estate estate, ModelPaths paths, IReadOnlyList<Cluster> clusters, IReadOnlyList<App> apps,
        IReadOnlyList<ResolvedChart> charts, IReadOnlyList<AppOnCluster> appsOnClusters, Releases releases)
    {
        Estate = estate;
        Paths = paths;
        Clusters = clusters;
        Apps = apps;
        Releases = releases;
        AppsOnClusters = appsOnClusters;
        _charts = charts.ToDictionary(c => c.App);
        _placements = appsOnClusters.ToDictionary(p => (p.Cluster, p.App));
        var byCluster = appsOnClusters.ToLookup(p => p.Cluster);
        _byCluster = clusters.ToDictionary(c => c, c => (IReadOnlyList<AppOnCluster>)[.. byCluster[c]]);
    }

    /// <summary>The estate as the model defined it.</summary>
    public Estate Estate { get; }

    /// <summary>Where the model and the tree are.</summary>
    public ModelPaths Paths { get; }

    /// <summary>Clusters, ordered by name.</summary>
    public IReadOnlyList<Cluster> Clusters { get; }

    /// <summary>Apps, ordered by name.</summary>
    public IReadOnlyList<App> Apps { get; }

    /// <summary>Every app on every cluster it runs on, cluster by cluster, apps in name order.</summary>
    public IReadOnlyList<AppOnCluster> AppsOnClusters { get; }

    /// <summary>The release tags file as read.</summary>
    public Releases Releases { get; }

    /// <summary>What every cluster shares of <paramref name="app"/>.</summary>
    public ResolvedChart Chart(App app) => _charts[app];

    /// <summary>The apps running on <paramref name="cluster"/>, in name order.</summary>
    public IReadOnlyList<AppOnCluster> On(Cluster cluster) => _byCluster[cluster];

    /// <summary><paramref name="app"/> on <paramref name="cluster"/>, or null when it does not run there.</summary>
    public AppOnCluster? Find(Cluster cluster, App app) => _placements.GetValueOrDefault((cluster, app));

    /// <summary>The clusters <paramref name="app"/> runs on, in name order.</summary>
    public IEnumerable<Cluster> ClustersOf(App app) => Clusters.Where(c => _placements.ContainsKey((c, app)));
}
