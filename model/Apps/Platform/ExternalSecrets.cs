namespace Cogrion.Infra;

/// <summary>
/// Values of the external-secrets chart: an umbrella over the External Secrets Operator chart. InfraGen adds the
/// ClusterSecretStore to it (Estate.SecretStoreApp), with its own values block.
/// </summary>
[HelmValues("external-secrets")]
public partial record ExternalSecretsValues
{
    /// <summary>Values of the upstream external-secrets chart.</summary>
    [YamlName("external-secrets")]
    [SubchartValues]
    public required ExternalSecretsOperatorValues Operator { get; init; }
}

/// <summary>The external-secrets chart's values that the estate sets.</summary>
public partial record ExternalSecretsOperatorValues
{
    /// <summary>The operator's ServiceAccount: it reads AWS Secrets Manager as the cluster's external-secrets IAM role.</summary>
    public required IrsaServiceAccount ServiceAccount { get; init; }
}

/// <summary>External Secrets: fills each app's Kubernetes Secret from AWS Secrets Manager (the seed's recommendation).</summary>
public static class ExternalSecrets
{
    public static readonly App<ExternalSecretsValues> App = new(
        new ChartSpec("0.1.0", "The External Secrets Operator, on the upstream external-secrets chart, and the cluster's secret store.")
        {
            Dependencies = [new ChartDependency("external-secrets", "2.9.0", "https://charts.external-secrets.io")],
        },
        context => new ExternalSecretsValues
        {
            Operator = new() { ServiceAccount = IrsaServiceAccount.For(context, "external-secrets") },
        })
    {
        // The operator's CRDs are larger than client-side apply's annotation limit (INFRA4201).
        SyncPolicy = _ => SyncPolicy.Default with { ServerSideApply = true },
    };
}
