namespace Cogrion.Infra;

/// <summary>Values of the aws-load-balancer-controller chart: an umbrella over AWS's chart.</summary>
[HelmValues("aws-load-balancer-controller")]
public partial record LoadBalancerControllerValues
{
    /// <summary>Values of the upstream aws-load-balancer-controller chart.</summary>
    [YamlName("aws-load-balancer-controller")]
    [SubchartValues]
    public required LoadBalancerControllerChartValues Controller { get; init; }
}

/// <summary>The aws-load-balancer-controller chart's values that the estate sets.</summary>
public partial record LoadBalancerControllerChartValues
{
    /// <summary>The EKS cluster whose load balancers the controller manages (the chart requires it).</summary>
    public required string ClusterName { get; init; }

    /// <summary>The cluster's AWS region: set, so the controller need not ask the instance metadata service.</summary>
    public required string Region { get; init; }

    /// <summary>The cluster's VPC: set, for the same reason.</summary>
    public required string VpcId { get; init; }

    /// <summary>The controller's ServiceAccount, in the cluster's aws-load-balancer-controller IAM role.</summary>
    public required IrsaServiceAccount ServiceAccount { get; init; }

    /// <summary>No IngressClass 'alb': every Ingress is Traefik's; the controller only makes traefik's network load balancer.</summary>
    public bool CreateIngressClassResource { get; init; }

    /// <summary>No IngressClassParams either, for the same reason.</summary>
    public IngressClassParamsValues IngressClassParams { get; init; } = new();
}

/// <summary>The chart's IngressClassParams switch.</summary>
public partial record IngressClassParamsValues
{
    /// <summary>Whether the chart creates IngressClassParams.</summary>
    public bool Create { get; init; }
}

/// <summary>The AWS Load Balancer Controller: makes the network load balancer in front of traefik's Service (type 'external').</summary>
public static class LoadBalancerController
{
    public static readonly App<LoadBalancerControllerValues> App = new(
        new ChartSpec("0.1.0", "The AWS Load Balancer Controller, on AWS's aws-load-balancer-controller chart.")
        {
            Dependencies = [new ChartDependency("aws-load-balancer-controller", "3.5.0", "https://aws.github.io/eks-charts")],
        },
        context => new LoadBalancerControllerValues
        {
            Controller = new()
            {
                ClusterName = context.Cluster.EksClusterName,
                Region = context.Cluster.Region.AwsRegion,
                VpcId = context.VpcId,
                ServiceAccount = IrsaServiceAccount.For(context, "aws-load-balancer-controller"),
            },
        })
    {
        // The chart makes a new self-signed certificate for its webhooks on every render (genCA; Argo CD cannot use Helm's
        // lookup to keep the one in the cluster), so the Secret and the webhooks' caBundle would never be in sync.
        IgnoreDifferences =
        [
            new("", "Secret", ["/data"], "a new webhook certificate on every render") { Name = "aws-load-balancer-tls" },
            new("admissionregistration.k8s.io", "MutatingWebhookConfiguration", [], "its caBundle is that certificate's CA")
            {
                Name = "aws-load-balancer-webhook",
                JqPathExpressions = [".webhooks[]?.clientConfig.caBundle"],
            },
            new("admissionregistration.k8s.io", "ValidatingWebhookConfiguration", [], "its caBundle is that certificate's CA")
            {
                Name = "aws-load-balancer-webhook",
                JqPathExpressions = [".webhooks[]?.clientConfig.caBundle"],
            },
        ],
    };
}
