namespace Cogrion.InfraGen;

/// <summary>Builds the remote key of a secret from an environment name, a region name and the secret's name.</summary>
public delegate string SecretKeyConvention(string environment, string region, string name);

/// <summary>The whole model: where the tree is served from, the clusters, and the apps each cluster runs.</summary>
public sealed record Estate
{
    /// <summary>The repository Argo CD reads the generated tree from.</summary>
    public required GitRepo Repo { get; init; }

    /// <summary>Every cluster; each gets a bootstrap, a root Application and one Application per app that runs on it.</summary>
    public required IReadOnlyList<Cluster> Clusters { get; init; }

    /// <summary>Every app; each is deployed to the clusters its <see cref="App.RunsOn"/> selects (every cluster unless set).</summary>
    public required IReadOnlyList<App> Apps { get; init; }

    /// <summary>
    /// The remote-key convention for secrets. Called with real names for the secrets inventory, and with
    /// Helm expressions (<c>{{ .Values.global.environment }}</c>) to write the charts' ExternalSecrets.
    /// </summary>
    public required SecretKeyConvention SecretKey { get; init; }

    /// <summary>
    /// The DNS domain a cluster's own host names live under (its workspace domain: <c>sgp-1.cogrion.com</c>), when the
    /// estate has such a convention. Validation then reports any host name in a cluster's values that lies under
    /// another cluster's domain (INFRA2108). Null: host names are not checked.
    /// </summary>
    public Func<Cluster, string>? ClusterDomain { get; init; }

    /// <summary>The ClusterSecretStore every ExternalSecret reads from.</summary>
    public string SecretStore { get; init; } = "aws-secrets-manager";

    /// <summary>How often External Secrets re-reads a secret (a Go duration).</summary>
    public string SecretRefreshInterval { get; init; } = "5m";

    /// <summary>The service account External Secrets authenticates to AWS with (IAM roles for service accounts).</summary>
    public string SecretStoreServiceAccount { get; init; } = "external-secrets";

    /// <summary>The namespace External Secrets runs in.</summary>
    public string SecretStoreNamespace { get; init; } = "external-secrets";

    /// <summary>
    /// Apps and clusters taken out of the model on purpose. Removing one deletes its Argo CD Applications, and with them
    /// everything they deployed; without a record here, generating refuses (INFRA1014). Drop the record in a later commit.
    /// </summary>
    public IReadOnlyList<Retirement> Retired { get; init; } = [];
}
