using Cogrion.InfraGen.Generated;
using Cogrion.InfraGen.Tests.Support;

namespace Cogrion.InfraGen.Tests.Inspection;

/// <summary>
/// <c>explain</c> on the real model (its generated catalog carries the value origins): each kind of answer points at
/// the line that set the value, and at the conventions behind it as a chain.
/// </summary>
public sealed class ExplainChainTests
{
    [Fact]
    public void A_value_set_in_the_values_function_points_at_the_assignment_then_at_the_convention_it_calls()
    {
        var lines = Locations("values/prod-sgp-1/control-plane.yaml", "replicaCount");

        Assert.Equal(
            [
                $"model/Apps/ControlPlane.cs({Line("Apps/ControlPlane.cs", "ReplicaCount = Conventions.Replicas(context.Cluster)")})  the values function of control-plane sets replicaCount",
                $"model/Conventions.cs({Line("Conventions.cs", "public static int Replicas(")})  which calls Conventions.Replicas",
                $"model/Apps/ControlPlane.cs({Line("Apps/ControlPlane.cs", "public required int ReplicaCount")})  property replicaCount of Cogrion.Infra.ControlPlaneValues is declared here",
                $"model/Estate.cs({Line("Estate.cs", "new Cluster(Envs.Prod, Regions.Sgp1)")})  cluster prod-sgp-1: the values function and the conventions read its Env and Region",
            ],
            lines);
    }

    [Fact]
    public void A_value_a_convention_computes_through_others_is_the_whole_chain_in_order()
    {
        var lines = Locations("values/dev-sgp-1/keycloak.yaml", "global.baseDomain");

        Assert.Equal(
            [
                $"model/Apps/Keycloak.cs({Line("Apps/Keycloak.cs", "Global = Conventions.Global(context.Cluster)")})  the values function of keycloak sets global",
                $"model/Conventions.cs({Line("Conventions.cs", "BaseDomain = ServiceDomain(cluster, \"cplane\")")})  Conventions.Global sets baseDomain",
                $"model/Conventions.cs({Line("Conventions.cs", "public static string ServiceDomain(")})  which calls Conventions.ServiceDomain",
                $"model/Conventions.cs({Line("Conventions.cs", "public static string WorkspaceDomain(")})  then calls Conventions.WorkspaceDomain",
                $"model/Conventions.cs({Line("Conventions.cs", "public const string ApexDomain")})  then reads Conventions.ApexDomain",
            ],
            lines.Take(5));
    }

    [Fact]
    public void A_value_set_by_an_initializer_inside_a_convention_and_through_a_local_is_found_there()
    {
        var ingress = Locations("values/dev-sgp-1/keycloak.yaml", "keycloakx.ingress.rules[0].host");
        Assert.Equal($"model/Apps/Keycloak.cs({Line("Apps/Keycloak.cs", "Rules = [new IngressRule { Host = host")})  UpstreamIngress.ForHost sets rules.host", ingress[1]);

        var database = Locations("values/dev-sgp-1/temporal.yaml", "temporal.server.config.persistence.visibility.sql.host");
        Assert.Equal($"model/Apps/Temporal.cs({Line("Apps/Temporal.cs", "var database = Conventions.DatabaseHost")})  which uses the local database", database[1]);
        Assert.Equal($"model/Conventions.cs({Line("Conventions.cs", "public static string DatabaseHost(")})  then calls Conventions.DatabaseHost", database[2]);
    }

    [Fact]
    public void A_value_a_convention_sets_under_a_condition_names_each_branch_and_its_condition()
    {
        var lines = Locations("values/prod-sgp-1/keycloak.yaml", "keycloakx.resources.requests.cpu");

        Assert.Equal($"model/Apps/Keycloak.cs({Line("Apps/Keycloak.cs", "Resources = Sizes.Large(context.Cluster)")})  the values function of keycloak sets keycloakx.resources", lines[0]);
        Assert.Equal($"model/Values/Resources.cs({Line("Values/Resources.cs", "Cpu = Cpu.Millicores(500)")})  Sizes.Large sets requests.cpu, when cluster.Env.IsProduction", lines[1]);
        Assert.Equal($"model/Values/Resources.cs({Line("Values/Resources.cs", "Cpu = Cpu.Millicores(250), Memory = Memory.Mi(768)")})  Sizes.Large sets requests.cpu, when not cluster.Env.IsProduction", lines[2]);
    }

    [Fact]
    public void An_image_tag_points_at_its_releases_line_then_at_the_assignment_that_reads_it()
    {
        var run = Explain("values/dev-sgp-1/temporal.yaml", "workers.image.tag");
        var lines = LocationLines(run);

        Assert.Equal($"model/releases.yaml({Line("releases.yaml", "temporal: sha-", after: "dev-sgp-1:")})  the image tag of temporal on dev-sgp-1: edit this line", lines[0]);
        Assert.Equal($"model/Apps/Temporal.cs({Line("Apps/Temporal.cs", "Tag = context.ImageTag")})  the values function of temporal sets workers.image.tag", lines[1]);
        Assert.Contains("      temporal: sha-", run.Output); // The line's code, below its location.
    }

    [Fact]
    public void A_chart_default_points_at_the_property_initializer_and_shows_it()
    {
        var run = Explain("values/prod-sgp-1/control-plane.yaml", "service.port");

        Assert.Contains("service.port: not set here, so the chart default applies: out/charts/control-plane/values.yaml service.port = 80", run.Output);
        var lines = LocationLines(run);
        Assert.StartsWith($"model/Values/IngressValues.cs({Line("Values/IngressValues.cs", "public int Port { get; init; } = 80;")})  property service.port", Assert.Single(lines));
        Assert.Contains("public int Port { get; init; } = 80;", run.Output);
    }

    [Fact]
    public void A_sync_wave_names_each_DependsOn_with_its_line_down_to_wave_0()
    {
        var lines = Locations("argocd/apps/prod-sgp-1/control-plane.yaml", "metadata.annotations[argocd.argoproj.io/sync-wave]");

        // The file holds the app's AppProject, then its Application: the chain is the Application's wave's.
        Assert.Equal(
            [
                $"model/Apps/ControlPlane.cs({Line("Apps/ControlPlane.cs", "DependsOn =")})  app control-plane DependsOn keycloak (wave 2), temporal (wave 2): one wave after the latest, 3",
                $"model/Apps/Keycloak.cs({Line("Apps/Keycloak.cs", "DependsOn =")})  app keycloak DependsOn ingress (wave 1): one wave after the latest, 2",
                $"model/Apps/Temporal.cs({Line("Apps/Temporal.cs", "DependsOn =")})  app temporal DependsOn ingress (wave 1): one wave after the latest, 2",
                $"model/Apps/Ingress.cs({Line("Apps/Ingress.cs", "DependsOn =")})  app ingress DependsOn aws-load-balancer-controller (wave 0): one wave after the latest, 1",
                $"model/Apps/Platform/LoadBalancerController.cs({Line("Apps/Platform/LoadBalancerController.cs", "public static readonly App<")})  app aws-load-balancer-controller has no DependsOn: wave 0",
            ],
            lines.Distinct());
    }

    private static HostRun Explain(string file, string key)
    {
        var run = HostRun.Verb(new InfraCatalog(), RealModel.Paths, "explain", "out/" + file, key);
        Assert.True(run.ExitCode == 0, run.Error);
        return run;
    }

    /// <summary>The answer's location lines (<c>model/…(n)  what</c>), without their code lines, with single spacing.</summary>
    private static List<string> Locations(string file, string key) => LocationLines(Explain(file, key));

    private static List<string> LocationLines(HostRun run) =>
        [.. run.Output.Split('\n').Skip(1).Where(l => l.StartsWith("  model/", StringComparison.Ordinal)).Select(l => System.Text.RegularExpressions.Regex.Replace(l.Trim(), @"\)\s+", ")  "))];

    /// <summary>The 1-based line of a model file holding <paramref name="text"/> (the first, or the first after a line holding <paramref name="after"/>).</summary>
    private static int Line(string file, string text, string? after = null)
    {
        var lines = File.ReadAllLines(Path.Combine(RealModel.Paths.ModelDirectory, file));
        var from = after is null ? 0 : Array.FindIndex(lines, l => l.Contains(after, StringComparison.Ordinal));
        var index = Array.FindIndex(lines, from, l => l.Contains(text, StringComparison.Ordinal));
        Assert.True(index >= 0, $"model/{file} no longer holds `{text}`: the test's anchor moved.");
        return index + 1;
    }
}
