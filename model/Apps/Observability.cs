namespace Cogrion.Infra;

/// <summary>Values of the observability chart: an umbrella over kube-prometheus-stack.</summary>
[HelmValues("observability")]
public partial record ObservabilityValues
{
    /// <summary>Where the chart runs.</summary>
    public required GlobalValues Global { get; init; }

    /// <summary>Values of the upstream kube-prometheus-stack chart.</summary>
    [YamlName("kube-prometheus-stack")]
    [SubchartValues]
    public required KubePrometheusStackValues Stack { get; init; }
}

/// <summary>The kube-prometheus-stack values that the estate sets.</summary>
public partial record KubePrometheusStackValues
{
    /// <summary>Grafana, at global.grafanaDomain.</summary>
    public required GrafanaValues Grafana { get; init; }

    /// <summary>Prometheus.</summary>
    public required PrometheusValues Prometheus { get; init; }

    // EKS runs the Kubernetes control plane itself: its controller manager, scheduler and etcd are no pods of the
    // cluster, so their scrape Services in kube-system would select nothing and their alerts would fire forever.

    /// <summary>Scraping kube-controller-manager: off, EKS manages it.</summary>
    public ScrapeTarget KubeControllerManager { get; init; } = new() { Enabled = false };

    /// <summary>Scraping kube-scheduler: off, EKS manages it.</summary>
    public ScrapeTarget KubeScheduler { get; init; } = new() { Enabled = false };

    /// <summary>Scraping etcd: off, EKS manages it.</summary>
    public ScrapeTarget KubeEtcd { get; init; } = new() { Enabled = false };
}

/// <summary>One of kube-prometheus-stack's control-plane scrape targets.</summary>
public partial record ScrapeTarget
{
    /// <summary>Whether the chart scrapes it (its Service and ServiceMonitor).</summary>
    public bool Enabled { get; init; } = true;
}

/// <summary>The Grafana sub-chart.</summary>
public partial record GrafanaValues
{
    /// <summary>Grafana's Ingress (the upstream chart takes a list of host names).</summary>
    public required GrafanaIngress Ingress { get; init; }

    /// <summary>Where Grafana's admin login comes from.</summary>
    public GrafanaAdmin Admin { get; init; } = new();
}

/// <summary>Grafana's Ingress.</summary>
public partial record GrafanaIngress
{
    /// <summary>Whether the chart creates the Ingress.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The ingress class that serves it.</summary>
    public string IngressClassName { get; init; } = Conventions.IngressClass;

    /// <summary>The host names.</summary>
    public required IReadOnlyList<string> Hosts { get; init; }
}

/// <summary>Grafana's admin login, read from the app's Secret (the ExternalSecret writes it).</summary>
public partial record GrafanaAdmin
{
    /// <summary>The Secret (written by the chart's ExternalSecret).</summary>
    public string ExistingSecret { get; init; } = Observability.App.SecretName;

    /// <summary>The user name key.</summary>
    public string UserKey { get; init; } = "admin-user";

    /// <summary>The password key.</summary>
    public string PasswordKey { get; init; } = "admin-password";
}

/// <summary>The Prometheus part.</summary>
public partial record PrometheusValues
{
    /// <summary>The Prometheus resource's spec.</summary>
    public required PrometheusSpec PrometheusSpec { get; init; }
}

/// <summary>How Prometheus runs.</summary>
public partial record PrometheusSpec
{
    /// <summary>How many Prometheus pods run.</summary>
    public required int Replicas { get; init; }

    /// <summary>How long samples are kept (a Prometheus duration).</summary>
    public required string Retention { get; init; }

    /// <summary>Each pod's requests and limits.</summary>
    public required ResourceRequirements Resources { get; init; }
}

/// <summary>Observability: Prometheus and Grafana for the cluster.</summary>
public static class Observability
{
    public static readonly App<ObservabilityValues> App = new(
        new ChartSpec("0.1.0", "Metrics and dashboards for cogrion, on the upstream kube-prometheus-stack chart.")
        {
            Dependencies = [new ChartDependency("kube-prometheus-stack", "79.7.1", "https://prometheus-community.github.io/helm-charts")],
        },
        context => new ObservabilityValues
        {
            Global = Conventions.Global(context.Cluster),
            Stack = new()
            {
                Grafana = new() { Ingress = new() { Hosts = [Conventions.ServiceDomain(context.Cluster, "grafana")] } },
                Prometheus = new()
                {
                    PrometheusSpec = new()
                    {
                        Replicas = Conventions.Replicas(context.Cluster),
                        Retention = context.Cluster.Env.IsProduction ? "30d" : "7d",
                        Resources = Sizes.Large(context.Cluster),
                    },
                },
            },
        })
    {
        DependsOn = [Ingress.App],
        AlsoDeploysTo = ["kube-system"], // kube-prometheus-stack's CoreDNS and kube-proxy scrape Services live there.

        // The prometheus-operator CRDs are 340-480 kB as JSON: over client-side apply's annotation limit (INFRA4201).
        SyncPolicy = _ => SyncPolicy.Default with { ServerSideApply = true },
        Secrets =
        [
            new AppSecret("admin-user", "grafana-admin-user"),
            new AppSecret("admin-password", "grafana-admin-password"),
        ],
    };
}
