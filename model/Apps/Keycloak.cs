namespace Cogrion.Infra;

/// <summary>Values of the keycloak chart: an umbrella over codecentric's keycloakx chart.</summary>
[HelmValues("keycloak")]
public partial record KeycloakValues
{
    /// <summary>Where the chart runs.</summary>
    public required GlobalValues Global { get; init; }

    /// <summary>Values of the upstream keycloakx chart.</summary>
    [YamlName("keycloakx")]
    [SubchartValues]
    public required KeycloakxValues Keycloakx { get; init; }
}

/// <summary>The keycloakx chart's values that the estate sets.</summary>
public partial record KeycloakxValues
{
    /// <summary>How many Keycloak pods run.</summary>
    public required int Replicas { get; init; }

    /// <summary>The container command: Keycloak in production mode.</summary>
    public IReadOnlyList<string> Command { get; init; } = ["/opt/keycloak/bin/kc.sh", "start", "--http-port=8080", "--hostname-strict=false"];

    /// <summary>Keycloak's HTTP settings.</summary>
    public KeycloakHttp Http { get; init; } = new();

    /// <summary>The Ingress on global.authDomain.</summary>
    public required UpstreamIngress Ingress { get; init; }

    /// <summary>The Postgres database Keycloak stores realms in.</summary>
    public required KeycloakDatabase Database { get; init; }

    /// <summary>Each pod's requests and limits.</summary>
    public required ResourceRequirements Resources { get; init; }
}

/// <summary>Keycloak's HTTP settings.</summary>
public partial record KeycloakHttp
{
    /// <summary>Serve Keycloak at the root of its domain (the chart's default is /auth).</summary>
    public string RelativePath { get; init; } = "/";
}

/// <summary>Keycloak's database connection; the password comes from the keycloak-secrets Secret.</summary>
public partial record KeycloakDatabase
{
    /// <summary>The database engine.</summary>
    public string Vendor { get; init; } = "postgres";

    /// <summary>The database host.</summary>
    public required string Hostname { get; init; }

    /// <summary>The database port.</summary>
    public int Port { get; init; } = 5432;

    /// <summary>The database name.</summary>
    public string Database { get; init; } = "keycloak";

    /// <summary>The database user.</summary>
    public string Username { get; init; } = "keycloak";

    /// <summary>The Secret holding the password (written by the chart's ExternalSecret).</summary>
    public string ExistingSecret { get; init; } = "keycloak-secrets";

    /// <summary>The key of the password in that Secret.</summary>
    public string ExistingSecretKey { get; init; } = "db-password";
}

/// <summary>An upstream chart's Ingress in the common Helm shape (enabled, class, rules of host and paths).</summary>
public partial record UpstreamIngress
{
    /// <summary>Whether the chart creates its Ingress.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The ingress class that serves it.</summary>
    public string IngressClassName { get; init; } = Conventions.IngressClass;

    /// <summary>The hosts and paths routed to the service.</summary>
    public required IReadOnlyList<IngressRule> Rules { get; init; }

    /// <summary>One rule per host, serving every path.</summary>
    public static UpstreamIngress ForHost(string host) => new()
    {
        Rules = [new IngressRule { Host = host, Paths = [new IngressPath()] }],
    };
}

/// <summary>A host and its paths.</summary>
public partial record IngressRule
{
    /// <summary>The host name.</summary>
    public required string Host { get; init; }

    /// <summary>The paths routed.</summary>
    public required IReadOnlyList<IngressPath> Paths { get; init; }
}

/// <summary>A routed path.</summary>
public partial record IngressPath
{
    /// <summary>The path.</summary>
    public string Path { get; init; } = "/";

    /// <summary>How the path matches.</summary>
    public string PathType { get; init; } = "Prefix";
}

/// <summary>Keycloak: identity and single sign-on, at global.authDomain.</summary>
public static class Keycloak
{
    public static readonly App<KeycloakValues> App = new(
        Conventions.Namespace("keycloak"),
        new ChartSpec("0.1.0", "Keycloak for cogrion, on the upstream keycloakx chart.")
        {
            Dependencies = [new ChartDependency("keycloakx", "7.0.1", "https://codecentric.github.io/helm-charts")],
        },
        context => new KeycloakValues
        {
            Global = Conventions.Global(context.Cluster),
            Keycloakx = new()
            {
                Replicas = Conventions.Replicas(context.Cluster),
                Ingress = UpstreamIngress.ForHost(Conventions.ServiceDomain(context.Cluster, "auth")),
                Database = new() { Hostname = Conventions.DatabaseHost(context.Cluster, "keycloak") },
                Resources = Sizes.Large(context.Cluster),
            },
        })
    {
        DependsOn = ["ingress"],
        Secrets =
        [
            new AppSecret("db-password", "keycloak-db-password"),
            new AppSecret("admin-password", "keycloak-admin-password"),
        ],
    };
}
