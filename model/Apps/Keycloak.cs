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

    /// <summary>
    /// Extra container environment, as the YAML text the upstream chart runs through <c>tpl</c>: the first admin's login
    /// (Keycloak 26 creates it at first start from KC_BOOTSTRAP_ADMIN_*; the password from the ExternalSecret) and, for
    /// more than one replica, the DNS query JGroups finds the other pods by (the chart's documented clustering setting).
    /// </summary>
    public string ExtraEnv { get; init; } = KeycloakEnvironment.Text;

    /// <summary>Keycloak's cache: the chart's default stack (Infinispan over Kubernetes DNS), what several replicas need.</summary>
    public KeycloakCache Cache { get; init; } = new();

    /// <summary>Each pod's requests and limits.</summary>
    public required ResourceRequirements Resources { get; init; }
}

/// <summary>Keycloak's HTTP settings.</summary>
/// <summary>Keycloak's distributed cache.</summary>
public partial record KeycloakCache
{
    /// <summary><c>default</c>: the chart sets KC_CACHE=ispn and KC_CACHE_STACK=kubernetes (DNS_PING over the headless Service).</summary>
    public string Stack { get; init; } = "default";
}

/// <summary>The container environment the model adds to Keycloak's (see <see cref="KeycloakxValues.ExtraEnv"/>).</summary>
public static class KeycloakEnvironment
{
    /// <summary>The YAML list, one variable per entry; <c>keycloak.fullname</c> is the upstream chart's helper.</summary>
    public static string Text =>
        "- name: KC_BOOTSTRAP_ADMIN_USERNAME\n"
        + "  value: admin\n"
        + "- name: KC_BOOTSTRAP_ADMIN_PASSWORD\n"
        + "  valueFrom:\n"
        + "    secretKeyRef:\n"
        + $"      name: {Keycloak.App.SecretName}\n"
        + "      key: admin-password\n"
        + "- name: JAVA_OPTS_APPEND\n"
        + "  value: -Djgroups.dns.query={{ include \"keycloak.fullname\" . }}-headless\n";
}

public partial record KeycloakHttp
{
    /// <summary>Serve Keycloak at the root of its domain (the chart's default is /auth).</summary>
    public string RelativePath { get; init; } = "/";
}

/// <summary>Keycloak's database connection; the password comes from the app's Secret (the ExternalSecret writes it).</summary>
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
    public string ExistingSecret { get; init; } = Keycloak.App.SecretName;

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

    /// <summary>TLS: the rule hosts (the chart's default names keycloak.example.com); no secret, the ingress controller's default certificate.</summary>
    public required IReadOnlyList<IngressTls> Tls { get; init; }

    /// <summary>One rule per host, serving every path.</summary>
    public static UpstreamIngress ForHost(string host) => new()
    {
        Rules = [new IngressRule { Host = host, Paths = [new IngressPath()] }],
        Tls = [new IngressTls { Hosts = [host] }],
    };
}

/// <summary>A host and its paths.</summary>
/// <summary>One TLS entry of an upstream chart's Ingress.</summary>
public partial record IngressTls
{
    /// <summary>The host names the certificate serves; each one a rule host.</summary>
    public required IReadOnlyList<string> Hosts { get; init; }

    /// <summary>The TLS Secret; empty: the ingress controller's default certificate.</summary>
    public string SecretName { get; init; } = "";
}

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
        DependsOn = [Ingress.App],
        Secrets =
        [
            new AppSecret("db-password", "keycloak-db-password"),
            new AppSecret("admin-password", "keycloak-admin-password"),
        ],
    };
}
