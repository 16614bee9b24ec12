namespace Cogrion.Infra;

/// <summary>
/// Where a chart runs: the estate's domains and buckets. InfraGen adds <c>region</c> and <c>environment</c> (the cluster's)
/// to every chart's <c>global</c>, so they are not declared here.
/// </summary>
public partial record GlobalValues
{
    /// <summary>The control plane's domain.</summary>
    public required string BaseDomain { get; init; }

    /// <summary>The domain workspaces live under.</summary>
    public required string WorkspaceDomain { get; init; }

    /// <summary>Keycloak's domain.</summary>
    public required string AuthDomain { get; init; }

    /// <summary>The Temporal web UI's domain.</summary>
    public required string TemporalDomain { get; init; }

    /// <summary>Grafana's domain.</summary>
    public required string GrafanaDomain { get; init; }

    /// <summary>The S3 bucket for build artifacts.</summary>
    public required string ArtifactsBucket { get; init; }

    /// <summary>The S3 bucket for exports.</summary>
    public required string ExportsBucket { get; init; }
}
