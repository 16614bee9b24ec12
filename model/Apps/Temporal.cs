namespace Cogrion.Infra;

/// <summary>Values of the temporal chart: the upstream Temporal server chart, and our workers.</summary>
[HelmValues("temporal")]
public partial record TemporalValues
{
    /// <summary>Where the chart runs.</summary>
    public required GlobalValues Global { get; init; }

    /// <summary>Values of the upstream temporal chart.</summary>
    [YamlName("temporal")]
    [SubchartValues]
    public required TemporalServerValues Server { get; init; }

    /// <summary>Our workflow workers (this chart's own Deployment).</summary>
    public required TemporalWorkersValues Workers { get; init; }
}

/// <summary>The upstream temporal chart's values that the estate sets.</summary>
public partial record TemporalServerValues
{
    /// <summary>The Temporal services.</summary>
    public required TemporalServer Server { get; init; }

    /// <summary>The Temporal web UI, at global.temporalDomain.</summary>
    public required TemporalWeb Web { get; init; }

    /// <summary>The bundled Cassandra: off, Temporal uses Postgres.</summary>
    public Toggle Cassandra { get; init; } = new();

    /// <summary>The bundled MySQL: off.</summary>
    public Toggle Mysql { get; init; } = new();

    /// <summary>The bundled Postgres: off, the database is managed by AWS.</summary>
    public Toggle Postgresql { get; init; } = new();

    /// <summary>The bundled Elasticsearch: off, visibility lives in Postgres.</summary>
    public Toggle Elasticsearch { get; init; } = new();

    /// <summary>The bundled Prometheus: off, the observability app scrapes Temporal.</summary>
    public Toggle Prometheus { get; init; } = new();

    /// <summary>The bundled Grafana: off, the observability app has one.</summary>
    public Toggle Grafana { get; init; } = new();

    /// <summary>The upstream schema Job: off, templates/schema-job.yaml runs the same steps as an Argo CD Sync hook.</summary>
    public TemporalSchemaJob Schema { get; init; } = new();
}

/// <summary>A bundled sub-chart switch.</summary>
/// <summary>The upstream chart's schema Job steps, each switched off (see templates/schema-job.yaml for why).</summary>
public partial record TemporalSchemaJob
{
    /// <summary>Create the databases.</summary>
    public Toggle CreateDatabase { get; init; } = new();

    /// <summary>Set the schemas up.</summary>
    public Toggle Setup { get; init; } = new();

    /// <summary>Migrate the schemas.</summary>
    public Toggle Update { get; init; } = new();
}

public partial record Toggle
{
    /// <summary>Whether the bundled component is installed.</summary>
    public bool Enabled { get; init; }
}

/// <summary>The Temporal services.</summary>
public partial record TemporalServer
{
    /// <summary>Pods per Temporal service.</summary>
    public required int ReplicaCount { get; init; }

    /// <summary>The persistence configuration.</summary>
    public required TemporalServerConfig Config { get; init; }
}

/// <summary>The Temporal server configuration.</summary>
public partial record TemporalServerConfig
{
    /// <summary>Where Temporal stores workflows and visibility records.</summary>
    public required TemporalPersistence Persistence { get; init; }
}

/// <summary>Temporal's two stores, both in Postgres.</summary>
public partial record TemporalPersistence
{
    /// <summary>The workflow store.</summary>
    public required TemporalStore Default { get; init; }

    /// <summary>The visibility store.</summary>
    public required TemporalStore Visibility { get; init; }
}

/// <summary>One Temporal store.</summary>
public partial record TemporalStore
{
    /// <summary>The store driver.</summary>
    public string Driver { get; init; } = "sql";

    /// <summary>The SQL connection.</summary>
    public required TemporalSql Sql { get; init; }
}

/// <summary>A Temporal SQL connection; the password comes from the app's Secret (the ExternalSecret writes it).</summary>
public partial record TemporalSql
{
    /// <summary>The SQL plugin.</summary>
    public string Driver { get; init; } = "postgres12";

    /// <summary>The database host.</summary>
    public required string Host { get; init; }

    /// <summary>The database port.</summary>
    public int Port { get; init; } = 5432;

    /// <summary>The database name.</summary>
    public required string Database { get; init; }

    /// <summary>The database user.</summary>
    public string User { get; init; } = "temporal";

    /// <summary>The Secret holding the password (written by the chart's ExternalSecret).</summary>
    public string ExistingSecret { get; init; } = Temporal.App.SecretName;
}

/// <summary>The Temporal web UI.</summary>
public partial record TemporalWeb
{
    /// <summary>The UI's Ingress.</summary>
    public required TemporalWebIngress Ingress { get; init; }
}

/// <summary>The Temporal web UI's Ingress (the upstream chart takes a list of host names).</summary>
public partial record TemporalWebIngress
{
    /// <summary>Whether the chart creates the Ingress.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The ingress class that serves it.</summary>
    public string ClassName { get; init; } = Conventions.IngressClass;

    /// <summary>The host names.</summary>
    public required IReadOnlyList<string> Hosts { get; init; }
}

/// <summary>Our Temporal workers, deployed from ghcr.io/cogrion/temporal-workers.</summary>
public partial record TemporalWorkersValues
{
    /// <summary>The workers image.</summary>
    public required ImageValues Image { get; init; }

    /// <summary>How many worker pods run.</summary>
    public required int ReplicaCount { get; init; }

    /// <summary>Each pod's requests and limits.</summary>
    public required ResourceRequirements Resources { get; init; }

}

/// <summary>Temporal: durable workflows for the control plane, and our workers.</summary>
public static class Temporal
{
    public static readonly App<TemporalValues> App = new(
        new ChartSpec("0.1.0", "Temporal for cogrion, on the upstream temporal chart, with the cogrion workers.")
        {
            Dependencies = [new ChartDependency("temporal", "0.65.0", "https://go.temporal.io/helm-charts")],
        },
        context =>
        {
            var cluster = context.Cluster;
            var database = Conventions.DatabaseHost(cluster, "temporal");
            return new TemporalValues
            {
                Global = Conventions.Global(cluster),
                Server = new()
                {
                    Server = new()
                    {
                        ReplicaCount = Conventions.Replicas(cluster),
                        Config = new()
                        {
                            Persistence = new()
                            {
                                Default = new() { Sql = new() { Host = database, Database = "temporal" } },
                                Visibility = new() { Sql = new() { Host = database, Database = "temporal_visibility" } },
                            },
                        },
                    },
                    Web = new() { Ingress = new() { Hosts = [Conventions.ServiceDomain(cluster, "temporal")] } },
                },
                Workers = new()
                {
                    Image = new() { Repository = "ghcr.io/cogrion/temporal-workers", Tag = context.ImageTag },
                    ReplicaCount = Conventions.Replicas(cluster),
                    Resources = Sizes.Service(cluster),
                },
            };
        })
    {
        DependsOn = [Ingress.App],
        Secrets = [new AppSecret("password", "temporal-db-password")],

        // Two defects of the upstream temporal chart 0.65.0 that no value switches off; both Services carry no traffic.
        AcceptedFindings =
        [
            new("INFRA4105", "Service/{release}-internal-frontend",
                "temporal chart 0.65.0 renders the internal-frontend Service even with server.internalFrontend.enabled false (server-service.yaml does not check it); it selects no pod and nothing addresses it"),
            new("INFRA4106", "Service/{release}-worker-headless",
                "temporal chart 0.65.0's headless worker Service lists port rpc, which worker pods do not open (server-deployment.yaml skips it for the worker); cluster membership uses the membership port, which matches"),
        ],
    };
}
