namespace Cogrion.InfraGen.Rendering;

/// <summary>
/// Where each generated file goes, relative to <c>out/</c>: the seed's cogrion-infra layout, in one place.
/// Names reaching here are DNS-1123 labels, so no path can leave the tree.
/// </summary>
public static class TreeLayout
{
    /// <summary>Marks <c>out/</c> as InfraGen's; a directory without it is never pruned.</summary>
    public const string OwnershipMarker = ".infragen";

    /// <summary>
    /// The file a run locks while it uses <c>out/</c> (<see cref="Output.OutDirectoryLock"/>): the directory's, not the
    /// tree's, so never drift, never pruned, and kept out of git by <see cref="GitIgnore"/>.
    /// </summary>
    public const string LockFile = ".infragen.lock";

    /// <summary>Keeps <see cref="LockFile"/> out of git, wherever the repository puts <c>out/</c>.</summary>
    public const string GitIgnore = ".gitignore";

    public const string Readme = "README.md";

    /// <summary>Who must approve changes; GitHub reads it here when the tree is the repository root.</summary>
    public const string CodeOwners = ".github/CODEOWNERS";

    public static string Bootstrap(string cluster) => $"argocd/bootstrap/{cluster}.yaml";

    public static string AppsDirectory(string cluster) => $"argocd/apps/{cluster}";

    public static string Application(string cluster, string app) => $"{AppsDirectory(cluster)}/{app}.yaml";

    public const string ChartsDirectory = "charts";

    public static string ChartDirectory(string app) => $"{ChartsDirectory}/{app}";

    public static string ChartFile(string app, string file) => $"{ChartDirectory(app)}/{file}";

    /// <summary>A cluster's AWS side that Terraform reads: the IAM policies of its apps' roles.</summary>
    public static string AwsDirectory(string cluster) => $"aws/{cluster}";

    /// <summary>The IAM policy the role of <paramref name="app"/> needs on the cluster (JSON, for Terraform).</summary>
    public static string IamPolicy(string cluster, string app) => $"{AwsDirectory(cluster)}/{app}-policy.json";

    public static string ValuesDirectory(string cluster) => $"values/{cluster}";

    public static string Values(string cluster, string app) => $"{ValuesDirectory(cluster)}/{app}.yaml";

    /// <summary>A cluster's values file as Argo CD's <c>helm.valueFiles</c> names it: relative to the chart directory.</summary>
    /// <remarks>A chart directory is <c>charts/&lt;app&gt;</c>, two levels below the root (app names are DNS labels).</remarks>
    public static string ValueFileFromChart(string cluster, string app) => "../../" + Values(cluster, app);
}
