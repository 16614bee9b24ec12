namespace Cogrion.Infra;

/// <summary>Values of the ingress chart: an umbrella over the Traefik chart.</summary>
[HelmValues("ingress")]
public partial record IngressAppValues
{
    /// <summary>Where the chart runs.</summary>
    public required GlobalValues Global { get; init; }

    /// <summary>Values of the upstream traefik chart.</summary>
    [YamlName("traefik")]
    [SubchartValues]
    public required TraefikValues Traefik { get; init; }
}

/// <summary>The traefik chart's values that the estate sets.</summary>
public partial record TraefikValues
{
    /// <summary>The Traefik Deployment.</summary>
    public required TraefikDeployment Deployment { get; init; }

    /// <summary>The IngressClass every app's Ingress names.</summary>
    public TraefikIngressClass IngressClass { get; init; } = new();

    /// <summary>The LoadBalancer Service: an internet-facing AWS network load balancer.</summary>
    public TraefikService Service { get; init; } = new();

    /// <summary>Each pod's requests and limits.</summary>
    public required ResourceRequirements Resources { get; init; }
}

/// <summary>The Traefik Deployment.</summary>
public partial record TraefikDeployment
{
    /// <summary>How many Traefik pods run.</summary>
    public required int Replicas { get; init; }
}

/// <summary>The IngressClass Traefik installs.</summary>
public partial record TraefikIngressClass
{
    /// <summary>Whether the chart installs the IngressClass.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Whether Ingresses without a class use it.</summary>
    public bool IsDefaultClass { get; init; } = true;

    /// <summary>The class name.</summary>
    public string Name { get; init; } = Conventions.IngressClass;
}

/// <summary>Traefik's Service.</summary>
public partial record TraefikService
{
    /// <summary>Annotations the AWS Load Balancer Controller reads.</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>
    {
        ["service.beta.kubernetes.io/aws-load-balancer-type"] = "external",
        ["service.beta.kubernetes.io/aws-load-balancer-nlb-target-type"] = "ip",
        ["service.beta.kubernetes.io/aws-load-balancer-scheme"] = "internet-facing",
    };
}

/// <summary>Ingress: Traefik behind an AWS network load balancer, serving every app's Ingress.</summary>
public static class Ingress
{
    public static readonly App<IngressAppValues> App = new(
        new ChartSpec("0.1.0", "The cluster's ingress controller, on the upstream traefik chart.")
        {
            Dependencies = [new ChartDependency("traefik", "37.4.0", "https://traefik.github.io/charts")],
        },
        context => new IngressAppValues
        {
            Global = Conventions.Global(context.Cluster),
            Traefik = new()
            {
                Deployment = new() { Replicas = Conventions.Replicas(context.Cluster) },
                Resources = Sizes.Service(context.Cluster),
            },
        });
}
