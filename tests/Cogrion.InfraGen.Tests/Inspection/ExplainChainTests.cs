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
    public void A_sync_wave_names_each_DependsOn_and_the_secret_store_its_Secrets_add_down_to_wave_0()
    {
        var run = Explain("argocd/apps/prod-sgp-1/control-plane.yaml", "metadata.annotations[argocd.argoproj.io/sync-wave]");

        // The file holds the app's AppProject (wave -1, InfraGen's), then its Application, whose wave the chain explains:
        // control-plane's DependsOn lists keycloak and temporal, and its Secrets add external-secrets, the store's app.
        const string Store = "the estate's SecretStoreApp (its ExternalSecret needs External Secrets' CRDs and store; derived, not in DependsOn)";
        Assert.Equal(
            [
                $"model/Apps/ControlPlane.cs({Line("Apps/ControlPlane.cs", "public static readonly App<")})  app control-plane: InfraGen puts every app's AppProject in sync wave -1, before any Application (waves start at 0), so no Application names a project Argo CD does not have yet",
            ],
            LocationLines(Document(run, 1)));
        Assert.Equal(
            [
                $"model/Apps/ControlPlane.cs({Line("Apps/ControlPlane.cs", "DependsOn =")})  app control-plane DependsOn keycloak (wave 2), temporal (wave 2)",
                $"model/Apps/ControlPlane.cs({Line("Apps/ControlPlane.cs", "Secrets =")})  app control-plane reads Secrets, so it also syncs after external-secrets (wave 0), {Store}: one wave after the latest, 3",
                $"model/Apps/Keycloak.cs({Line("Apps/Keycloak.cs", "DependsOn =")})  app keycloak DependsOn ingress (wave 1)",
                $"model/Apps/Keycloak.cs({Line("Apps/Keycloak.cs", "Secrets =")})  app keycloak reads Secrets, so it also syncs after external-secrets (wave 0), {Store}: one wave after the latest, 2",
                $"model/Apps/Temporal.cs({Line("Apps/Temporal.cs", "DependsOn =")})  app temporal DependsOn ingress (wave 1)",
                $"model/Apps/Temporal.cs({Line("Apps/Temporal.cs", "Secrets =")})  app temporal reads Secrets, so it also syncs after external-secrets (wave 0), {Store}: one wave after the latest, 2",
                $"model/Apps/Platform/ExternalSecrets.cs({Line("Apps/Platform/ExternalSecrets.cs", "public static readonly App<")})  app external-secrets has no DependsOn: wave 0",
                $"model/Apps/Ingress.cs({Line("Apps/Ingress.cs", "DependsOn =")})  app ingress DependsOn aws-load-balancer-controller (wave 0): one wave after the latest, 1",
                $"model/Apps/Platform/LoadBalancerController.cs({Line("Apps/Platform/LoadBalancerController.cs", "public static readonly App<")})  app aws-load-balancer-controller has no DependsOn: wave 0",
            ],
            LocationLines(Document(run, 2)));
    }

    [Fact]
    public void An_AppProject_destination_points_at_the_apps_namespace_and_its_footprint_entry()
    {
        var run = Explain("argocd/apps/dev-sgp-1/observability.yaml", "spec.destinations[0].namespace");

        // observability's chart renders into kube-system too (kube-prometheus-stack's scrape Services): footprint.yaml says so.
        Assert.StartsWith("out/argocd/apps/dev-sgp-1/observability.yaml (document 1) spec.destinations[0].namespace = kube-system", run.Output);
        var footprint = Line("footprint.yaml", "observability:");
        Assert.Equal(
            [
                $"model/footprint.yaml({footprint})  what app observability's charts render, as the render check last measured it (`./infragen render --update-footprint` writes it; the check fails while it is stale): its charts render objects in namespace kube-system",
                $"model/Estate.cs({Line("Estate.cs", "new Cluster(Envs.Dev, Regions.Sgp1)")})  cluster dev-sgp-1: the destination server, the cluster's own API (https://kubernetes.default.svc)",
            ],
            LocationLines(run));

        var own = LocationLines(Explain("argocd/apps/dev-sgp-1/observability.yaml", "spec.destinations[1]"));
        Assert.StartsWith($"model/Apps/Observability.cs({Line("Apps/Observability.cs", "public static readonly App<")})  app observability's own namespace observability", own[0]);
        Assert.StartsWith($"model/footprint.yaml({footprint})", own[1]);
    }

    [Fact]
    public void An_AppProject_whitelist_entry_is_the_footprints_cluster_kind_or_the_apps_own_Namespace()
    {
        var footprint = Line("footprint.yaml", "external-secrets:");

        var kind = LocationLines(Explain("argocd/apps/prod-sgp-1/external-secrets.yaml", "spec.clusterResourceWhitelist[3].kind"));
        var own = LocationLines(Explain("argocd/apps/prod-sgp-1/external-secrets.yaml", "spec.clusterResourceWhitelist[0]"));

        Assert.Equal(
            $"model/footprint.yaml({footprint})  what app external-secrets's charts render, as the render check last measured it (`./infragen render --update-footprint` writes it; the check fails while it is stale): "
            + "its charts render the cluster-scoped kind external-secrets.io/ClusterSecretStore on some cluster, so its project allows it",
            Assert.Single(kind));
        Assert.EndsWith("which Argo CD creates (CreateNamespace=true): so its project allows that one Namespace, by name", Assert.Single(own));
    }

    [Fact]
    public void An_IAM_policy_names_the_cluster_and_the_Secrets_line_of_each_app_whose_keys_it_allows()
    {
        var run = HostRun.Verb(new InfraCatalog(), RealModel.Paths, "explain", "out/aws/prod-sgp-1/external-secrets-policy.json");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(
            [
                $"model/Estate.cs({Line("Estate.cs", "new Cluster(Envs.Prod, Regions.Sgp1)")})  cluster prod-sgp-1: its AwsAccountId and AWS region are in every ARN; Terraform attaches the policy to its IamRoles[external-secrets] role",
                $"model/Apps/ControlPlane.cs({Line("Apps/ControlPlane.cs", "Secrets =")})  app control-plane: its Secrets, each a secret the policy allows reading (2)",
                $"model/Apps/Keycloak.cs({Line("Apps/Keycloak.cs", "Secrets =")})  app keycloak: its Secrets, each a secret the policy allows reading (2)",
                $"model/Apps/Observability.cs({Line("Apps/Observability.cs", "Secrets =")})  app observability: its Secrets, each a secret the policy allows reading (2)",
                $"model/Apps/Temporal.cs({Line("Apps/Temporal.cs", "Secrets =")})  app temporal: its Secrets, each a secret the policy allows reading (1)",
            ],
            LocationLines(run));
    }

    /// <summary>The part of a multi-document answer about document <paramref name="number"/>, as its own run.</summary>
    private static HostRun Document(HostRun run, int number)
    {
        var parts = System.Text.RegularExpressions.Regex.Split(run.Output, @"(?m)^(?=\S.* \(document \d+\) )").Where(p => p.Length > 0).ToList();
        return run with { Output = parts[number - 1] };
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
