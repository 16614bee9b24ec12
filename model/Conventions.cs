namespace Cogrion.Infra;

/// <summary>
/// Every naming convention of the estate, each written once: a new cluster gets all of them right by construction.
/// </summary>
public static class Conventions
{
    public const string ApexDomain = "cogrion.com";

    /// <summary>The ingress class every app's Ingress uses (the ingress app installs it).</summary>
    public const string IngressClass = "traefik";

    /// <summary>The workspace domain: <c>sgp-1.cogrion.com</c> in production, <c>dev.sgp-1.cogrion.com</c> elsewhere.</summary>
    public static string WorkspaceDomain(Cluster cluster) => cluster.Env.IsProduction
        ? $"{cluster.Region.Name}.{ApexDomain}"
        : $"{cluster.Env.Name}.{cluster.Region.Name}.{ApexDomain}";

    /// <summary>A service's domain under the workspace domain: <c>auth.dev.sgp-1.cogrion.com</c>.</summary>
    public static string ServiceDomain(Cluster cluster, string service) => $"{service}.{WorkspaceDomain(cluster)}";

    /// <summary>An S3 bucket: <c>cogrion-{env}-{region}-{purpose}</c>.</summary>
    public static string Bucket(Cluster cluster, string purpose) => $"cogrion-{cluster.Env.Name}-{cluster.Region.Name}-{purpose}";

    /// <summary>A database's private host name in the cluster's VPC: <c>keycloak.db.dev.sgp-1.cogrion.com</c>.</summary>
    public static string DatabaseHost(Cluster cluster, string database) => ServiceDomain(cluster, $"{database}.db");

    /// <summary>A secret's key in AWS Secrets Manager: <c>cogrion/{env}/{region}/{name}</c>.</summary>
    public static string SecretKey(string environment, string region, string name) => $"cogrion/{environment}/{region}/{name}";

    /// <summary>
    /// The <c>global</c> block every chart gets: the estate's domains and buckets (InfraGen adds the cluster's region and
    /// environment, which the generated ExternalSecrets read).
    /// </summary>
    public static GlobalValues Global(Cluster cluster) => new()
    {
        BaseDomain = ServiceDomain(cluster, "cplane"),
        WorkspaceDomain = WorkspaceDomain(cluster),
        AuthDomain = ServiceDomain(cluster, "auth"),
        TemporalDomain = ServiceDomain(cluster, "temporal"),
        GrafanaDomain = ServiceDomain(cluster, "grafana"),
        ArtifactsBucket = Bucket(cluster, "artifacts"),
        ExportsBucket = Bucket(cluster, "exports"),
    };

    /// <summary>Production runs more replicas than anything else.</summary>
    public static int Replicas(Cluster cluster) => cluster.Env.IsProduction ? 2 : 1;
}
