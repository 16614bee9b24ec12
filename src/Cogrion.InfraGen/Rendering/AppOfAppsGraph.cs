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
        foreach (var cluster in model.Clusters)
        {
            text.Append($"### {cluster.Name}\n\n```mermaid\n{Graph(model, cluster)}```\n\n");
            text.Append(Differences(model, cluster)).Append("\n\n");
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

    /// <summary>What differs from the other clusters, in a sentence: apps it lacks or adds, sync policies that differ.</summary>
    private static string Differences(ResolvedEstate model, Cluster cluster)
    {
        var others = model.Clusters.Where(c => c != cluster).ToList();
        if (others.Count == 0)
        {
            return "The only cluster.";
        }

        var apps = AppsOn(model, cluster);
        var differences = new List<string>();
        var missing = model.Apps.Where(a => !apps.Contains(a)).Select(a => a.Name).ToList();
        if (missing.Count > 0)
        {
            differences.Add($"not here: {string.Join(", ", missing)}");
        }

        var onlyHere = apps.Where(a => others.All(o => !AppsOn(model, o).Contains(a))).Select(a => a.Name).ToList();
        if (onlyHere.Count > 0)
        {
            differences.Add($"only here: {string.Join(", ", onlyHere)}");
        }

        foreach (var app in apps)
        {
            var policy = SyncPolicy(model, cluster, app);
            if (others.Any(o => AppsOn(model, o).Contains(app) && SyncPolicy(model, o, app) != policy))
            {
                differences.Add($"{app.Name} syncs {policy}");
            }
        }

        var values = others.Select(o => $"`./infragen diff {cluster.Name} {o.Name}`");
        return differences.Count == 0
            ? $"Same apps, waves and sync policies as {string.Join(", ", others.Select(o => o.Name))}; the values differ ({string.Join(", ", values)})."
            : $"Differs from the other clusters: {string.Join("; ", differences)}. Values: {string.Join(", ", values)}.";
    }

    /// <summary>The apps deployed to the cluster, in name order.</summary>
    private static List<App> AppsOn(ResolvedEstate model, Cluster cluster) => [.. model.On(cluster).Select(p => p.App)];

    /// <summary>How the cluster's Application of the app syncs, in words.</summary>
    private static string SyncPolicy(ResolvedEstate model, Cluster cluster, App app)
    {
        var application = ArgoCdManifests.Child(model, model.Find(cluster, app)!);
        if (DocPointer.Find(application, ["spec", "syncPolicy", "automated"]) is not DocMap automated)
        {
            return "by hand";
        }

        var prune = DocPointer.String(automated, "prune") == "true" ? "prune" : "no prune";
        var heal = DocPointer.String(automated, "selfHeal") == "true" ? "self-heal" : "no self-heal";
        return $"automatically ({prune}, {heal})";
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
