using System.Text;
using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Validation;

namespace Cogrion.InfraGen.Rendering;

/// <summary>
/// Each cluster's App of Apps as a Mermaid flowchart for <c>out/README.md</c>: the root, the apps grouped by sync wave
/// (the root syncs wave after wave), what each app syncs after (dashed), the platform apps (Argo CD, External Secrets
/// and its store, apps with an IAM role), which namespaces may read the store, and under each graph what differs from the
/// other clusters.
/// </summary>
internal static class AppOfAppsGraph
{
    public static string Section(ResolvedEstate model)
    {
        var text = new StringBuilder("## The App of Apps of each cluster\n\n");
        text.Append("The root syncs the apps wave by wave (each wave once the one before is healthy); a dashed arrow means \"syncs\n");
        text.Append("after\"; `==>` is the order of the waves; a cylinder is the ClusterSecretStore, with the namespaces allowed to read it.\n\n");
        var spread = new Spread(model);
        foreach (var cluster in model.Clusters)
        {
            text.Append($"### {cluster.Name}\n\n```mermaid\n{Graph(model, cluster)}```\n\n");
            text.Append(spread.Differences(cluster)).Append("\n\n");
        }

        return text.ToString();
    }

    /// <summary>One cluster's flowchart (without the Markdown fence).</summary>
    public static string Graph(ResolvedEstate model, Cluster cluster)
    {
        var apps = AppsOn(model, cluster);
        var text = new StringBuilder("flowchart TB\n");
        var account = cluster.AwsAccountId is { } id ? $", account {id}" : string.Empty;
        text.Append($"  root([\"root: {cluster.Name}<br/>{cluster.Region.AwsRegion}{account}\"])\n");
        var waves = apps.GroupBy(a => model.Chart(a).SyncWave).OrderBy(g => g.Key).ToList();
        foreach (var wave in waves)
        {
            text.Append($"  subgraph wave{wave.Key}[\"sync wave {wave.Key}\"]\n");
            foreach (var app in wave)
            {
                text.Append($"    {Id(app)}[\"{app.Name}{Role(model, cluster, app)}\"]\n");
                if (ReferenceEquals(app, model.SecretStoreApp))
                {
                    text.Append($"    store[(\"ClusterSecretStore {model.Estate.SecretStore}\")]\n");
                }
            }

            text.Append("  end\n");
        }

        var previous = "root";
        foreach (var wave in waves)
        {
            text.Append($"  {previous} ==> wave{wave.Key}\n");
            previous = $"wave{wave.Key}";
        }

        foreach (var app in apps)
        {
            foreach (var dependency in model.Chart(app).Dependencies.Where(apps.Contains).Select(d => d.Name).Order(StringComparer.Ordinal))
            {
                text.Append($"  {Id(dependency)} -.-> {Id(app)}\n");
            }
        }

        if (model.SecretStoreApp is { } store && apps.Contains(store))
        {
            text.Append($"  {Id(store)} --> store\n");
            foreach (var reader in apps.Where(a => a.Secrets.Count > 0))
            {
                text.Append($"  store -. \"{reader.Namespace}\" .-> {Id(reader)}\n");
            }
        }

        text.Append("  classDef platform fill:#e8f0fe,stroke:#1a73e8\n");
        var platform = apps.Where(a => Role(model, cluster, a).Length > 0).Select(Id).ToList();
        if (platform.Count > 0)
        {
            text.Append($"  class {string.Join(",", platform)} platform\n");
        }

        return text.ToString();
    }

    /// <summary>The apps deployed to the cluster, in name order.</summary>
    private static List<App> AppsOn(ResolvedEstate model, Cluster cluster) => [.. model.On(cluster).Select(p => p.App)];

    /// <summary>How an app syncs on a cluster, in words.</summary>
    private static string Describe(SyncPolicy policy) =>
        !policy.Automated ? "by hand" : $"automatically ({(policy.Prune ? "prune" : "no prune")}, {(policy.SelfHeal ? "self-heal" : "no self-heal")})";

    /// <summary>
    /// Which apps run where and how they sync, over the whole estate, worked out once: each cluster's sentence of what
    /// differs is then linear in its apps, not in the number of clusters (an estate of thousands of clusters).
    /// </summary>
    private sealed class Spread
    {
        private readonly ResolvedEstate _model;
        private readonly Dictionary<App, int> _clustersOf = [];
        private readonly Dictionary<App, HashSet<string>> _policiesOf = [];

        public Spread(ResolvedEstate model)
        {
            _model = model;
            foreach (var placed in model.AppsOnClusters)
            {
                _clustersOf[placed.App] = _clustersOf.GetValueOrDefault(placed.App) + 1;
                (_policiesOf.TryGetValue(placed.App, out var set) ? set : _policiesOf[placed.App] = []).Add(Describe(placed.SyncPolicy));
            }
        }

        /// <summary>What differs from the other clusters, in a sentence: apps it lacks or alone has, sync policies that differ.</summary>
        public string Differences(Cluster cluster)
        {
            var others = _model.Clusters.Count - 1;
            if (others == 0)
            {
                return "The only cluster.";
            }

            var placed = _model.On(cluster);
            var differences = new List<string>();
            var missing = _model.Apps.Where(a => placed.All(p => p.App != a)).Select(a => a.Name).ToList();
            if (missing.Count > 0)
            {
                differences.Add($"not here: {string.Join(", ", missing)}");
            }

            var onlyHere = placed.Where(p => _clustersOf[p.App] == 1).Select(p => p.App.Name).ToList();
            if (onlyHere.Count > 0)
            {
                differences.Add($"only here: {string.Join(", ", onlyHere)}");
            }

            differences.AddRange(placed.Where(p => _policiesOf[p.App].Count > 1).Select(p => $"{p.App.Name} syncs {Describe(p.SyncPolicy)}"));
            var example = _model.Clusters.First(c => c != cluster).Name;
            var values = $"`./infragen diff {cluster.Name} {example}`";
            var whom = others == 1 ? example : $"the other {others} clusters";
            return differences.Count == 0
                ? $"Same apps, waves and sync policies as {whom}; the values differ ({values})."
                : $"Differs from {whom}: {string.Join("; ", differences)}. Values: {values}.";
        }
    }

    /// <summary>What a platform app is, as the framework knows it; empty for the rest.</summary>
    private static string Role(ResolvedEstate model, Cluster cluster, App app) =>
        ReferenceEquals(app, model.Estate.ArgoCdApp) ? "<br/>Argo CD itself"
        : ReferenceEquals(app, model.SecretStoreApp) ? "<br/>External Secrets"
        : cluster.IamRoles.Find(app.Name) is not null ? "<br/>IAM role"
        : string.Empty;

    private static string Id(App app) => Id(app.Name);

    /// <summary>A Mermaid node ID: app names are DNS labels, which Mermaid would read '-' of as an edge.</summary>
    private static string Id(string app) => "app_" + app.Replace('-', '_');
}
