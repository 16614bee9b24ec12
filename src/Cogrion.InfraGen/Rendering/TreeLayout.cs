namespace Cogrion.InfraGen.Rendering;

/// <summary>
/// Where each generated file goes, relative to <c>out/</c>: the seed's cogrion-infra layout, in one place.
/// Names reaching here are DNS-1123 labels, so no path can leave the tree.
/// </summary>
public static class TreeLayout
{
    /// <summary>Marks <c>out/</c> as InfraGen's; a directory without it is never pruned.</summary>
    public const string OwnershipMarker = ".infragen";

    public const string Readme = "README.md";

    public static string Bootstrap(string cluster) => $"argocd/bootstrap/{cluster}.yaml";

    public static string Root(string cluster) => $"argocd/root/{cluster}.yaml";

    public static string AppsDirectory(string cluster) => $"argocd/apps/{cluster}";

    public static string Application(string cluster, string app) => $"{AppsDirectory(cluster)}/{app}.yaml";

    public static string ChartDirectory(string app) => $"charts/{app}";

    public static string ChartFile(string app, string file) => $"{ChartDirectory(app)}/{file}";

    public static string Values(string cluster, string app) => $"values/{cluster}/{app}.yaml";

    /// <summary>A cluster's values file as Argo CD's <c>helm.valueFiles</c> names it: relative to the chart directory.</summary>
    /// <remarks>A chart directory is <c>charts/&lt;app&gt;</c>, two levels below the root (app names are DNS labels).</remarks>
    public static string ValueFileFromChart(string cluster, string app) => "../../" + Values(cluster, app);
}
