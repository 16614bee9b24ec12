namespace Cogrion.Infra;

/// <summary>Where a chart runs: the cluster's region and environment, and the estate's domains and buckets.</summary>
public partial record GlobalValues
{
    /// <summary>The platform region name (sgp-1).</summary>
    public required string Region { get; init; }

    /// <summary>The environment tier (dev, prod).</summary>
    public required string Environment { get; init; }

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
