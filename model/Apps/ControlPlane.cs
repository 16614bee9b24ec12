namespace Cogrion.Infra;

/// <summary>Values of the control-plane chart: our API, deployed from ghcr.io/cogrion/control-plane.</summary>
[HelmValues("control-plane")]
public partial record ControlPlaneValues
{
    /// <summary>Where the chart runs.</summary>
    public required GlobalValues Global { get; init; }

    /// <summary>The control-plane image.</summary>
    public required ImageValues Image { get; init; }

    /// <summary>How many pods run.</summary>
    public required int ReplicaCount { get; init; }

    /// <summary>Each pod's requests and limits.</summary>
    public required ResourceRequirements Resources { get; init; }

    /// <summary>The Service in front of the pods.</summary>
    public ServiceValues Service { get; init; } = new();

    /// <summary>The Ingress on global.baseDomain.</summary>
    public IngressValues Ingress { get; init; } = new();

    /// <summary>The HTTP path the kubelet probes for liveness and readiness.</summary>
    public string HealthPath { get; init; } = "/healthz";
}

/// <summary>The control plane: the platform's API.</summary>
public static class ControlPlane
{
    public static readonly App<ControlPlaneValues> App = new(
        new ChartSpec("0.1.0", "The cogrion control plane: the platform API."),
        context => new ControlPlaneValues
        {
            Global = Conventions.Global(context.Cluster),
            Image = new() { Repository = "ghcr.io/cogrion/control-plane", Tag = context.ImageTag },
            ReplicaCount = Conventions.Replicas(context.Cluster),
            Resources = Sizes.Service(context.Cluster),
        })
    {
        DependsOn = [Keycloak.App, Temporal.App],
        Secrets =
        [
            new AppSecret("DATABASE_URL", "database-url"),
            new AppSecret("KEYCLOAK_CLIENT_SECRET", "keycloak-client-secret"),
        ],
    };
}
