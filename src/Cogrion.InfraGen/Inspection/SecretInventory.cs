using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Rendering;

namespace Cogrion.InfraGen.Inspection;

/// <summary>One secret a cluster's ExternalSecrets read from AWS Secrets Manager.</summary>
/// <param name="Cluster">The cluster.</param>
/// <param name="AwsRegion">The AWS region its ClusterSecretStore reads from.</param>
/// <param name="RemoteKey">The secret's name in AWS Secrets Manager (<c>cogrion/prod/sgp-1/database-url</c>).</param>
/// <param name="App">The app whose chart's ExternalSecret reads it.</param>
/// <param name="Namespace">The namespace the Kubernetes Secret is created in.</param>
/// <param name="Secret">The Kubernetes Secret External Secrets writes (<see cref="App.SecretName"/>).</param>
/// <param name="SecretKey">The key inside that Secret.</param>
public sealed record SecretEntry(string Cluster, string AwsRegion, string RemoteKey, string App, string Namespace, string Secret, string SecretKey);

/// <summary>
/// Which remote keys must exist in AWS Secrets Manager before a cluster is bootstrapped: every app's
/// <see cref="App.Secrets"/> on every cluster it runs on, named by the estate's <see cref="Estate.SecretKey"/> convention (the
/// same convention the charts' ExternalSecrets apply to Helm expressions).
/// </summary>
public static class SecretInventory
{
    /// <summary>The entries of every cluster (or only <paramref name="cluster"/>), ordered by cluster, app, then remote key.</summary>
    public static IReadOnlyList<SecretEntry> For(ResolvedEstate model, Cluster? cluster = null)
    {
        var estate = model.Estate;
        return model.Clusters
            .Where(c => cluster is null || c.Name == cluster.Name)
            .SelectMany(c => model.On(c).Select(p => p.App).SelectMany(app => app.Secrets.Select(secret => new SecretEntry(
                c.Name,
                c.Region.AwsRegion,
                estate.SecretKey(c.Env.Name, c.Region.Name, secret.RemoteName),
                app.Name,
                app.Namespace,
                app.SecretName,
                secret.SecretKey))))
            .OrderBy(e => e.Cluster, StringComparer.Ordinal)
            .ThenBy(e => e.App, StringComparer.Ordinal)
            .ThenBy(e => e.RemoteKey, StringComparer.Ordinal)
            .ThenBy(e => e.SecretKey, StringComparer.Ordinal)
            .ToList();
    }
}
