using Cogrion.Infra;
using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Generated;
using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Pipeline;
using Cogrion.InfraGen.Rendered;
using Cogrion.InfraGen.Rendering;
using Cogrion.InfraGen.Tests.Support;

namespace Cogrion.InfraGen.Tests.Rendered;

/// <summary>
/// One breaking template per render rule, rendered by the pinned Helm over a copy of the real model (the committed tree
/// renders clean: <see cref="RealEstateRenderTests"/>). Each break is reported with its code, naming the cluster, the
/// object and its template, at the template's file in model/.
/// </summary>
[Trait("Speed", "Slow")]
[Collection(HelmCollection.Name)]
public sealed class RenderRuleTests : IDisposable
{
    private const string Templates = "charts/control-plane/templates/";
    private const string Deployment = Templates + "deployment.yaml";
    private const string Service = Templates + "service.yaml";
    private const string Ingress = Templates + "ingress.yaml";
    private const string Env = "          env:\n";
    private const string Added = Templates + "settings.yaml";
    private const string ReadsZone = "            - name: COGRION_ZONE\n              valueFrom:\n                configMapKeyRef:\n                  name: {{ .Release.Name }}-settings\n                  key: zone\n";

    private readonly TempDirectory _temp = new();

    /// <summary>
    /// A rule; the edit that breaks it (a template file, the text replaced or "" for a new file, the new text); the
    /// object the finding names and the template it names (from the chart directory) and where it points in the model.
    /// </summary>
    public static TheoryData<string, string, string, string, string, string, string> Breaks() => new()
    {
        { "INFRA4101", Deployment, "replicas: {{ .Values.replicaCount }}", "replicas: abc", "Deployment/control-plane", Deployment, Deployment },
        { "INFRA4102", Deployment, "name: {{ include \"control-plane.secretName\" . }}", "name: control-plane-secret", "Deployment/control-plane", Deployment, Deployment },
        { "INFRA4103", Deployment, Env, Env + ReadsZone, "Deployment/control-plane", Deployment, Deployment },
        { "INFRA4104", Deployment, "- secretRef:\n                name: {{ include \"control-plane.secretName\" . }}", "- configMapRef:\n                name: {{ .Release.Name }}-nothing\n                optional: true", "ExternalSecret/control-plane-secrets", Templates + "externalsecret.yaml", "Apps/ControlPlane.cs" },
        { "INFRA4105", Service, "{{- include \"control-plane.selectorLabels\" . | nindent 4 }}", "app: nothing", "Service/control-plane", Service, Service },
        { "INFRA4106", Service, "targetPort: http", "targetPort: web", "Service/control-plane", Service, Service },
        { "INFRA4107", Ingress, "name: {{ include \"control-plane.name\" . }}\n                port:", "name: {{ .Release.Name }}-api\n                port:", "Ingress/control-plane", Ingress, Ingress },
        { "INFRA4108", Ingress, "  rules:", "  tls:\n    - hosts: [\"other.example.com\"]\n      secretName: tls\n  rules:", "Ingress/control-plane", Ingress, Ingress },
        { "INFRA4109", Deployment, "serviceAccountName: {{ include \"control-plane.name\" . }}", "serviceAccountName: runner", "Deployment/control-plane", Deployment, Deployment },
        { "INFRA4110", Added, "", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}_Settings\n", "ConfigMap/control-plane_Settings", Added, Added },
        { "INFRA4110", Added, "", "apiVersion: v1\nkind: Service\nmetadata:\n  name: 1{{ .Release.Name }}\nspec:\n  selector:\n    {{- include \"control-plane.selectorLabels\" . | nindent 4 }}\n  ports:\n    - port: 80\n      targetPort: http\n", "Service/1control-plane", Added, Added },
        { "INFRA4111", Ingress, "ingressClassName: {{ .Values.ingress.className }}", "ingressClassName: nginx", "Ingress/control-plane", Ingress, Ingress },
        { "INFRA4112", Added, "", "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: keycloak-keycloakx\n  namespace: keycloak\n", "ServiceAccount/keycloak-keycloakx", Added, Added },
        { "INFRA4113", Added, "", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: default\n", "ConfigMap/settings", Added, Added },
        { "INFRA4115", Deployment, Env, Env + "            - name: UPSTREAM\n              value: \"billing:8080\"\n", "Deployment/control-plane", Deployment, Deployment },
        { "INFRA4201", Added, "", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-blob\ndata:\n  blob: {{ repeat 270000 \"x\" | quote }}\n", "ConfigMap/control-plane-blob", Added, Added },
        { "INFRA4202", Added, "", "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: {{ .Release.Name }}-migrate\nspec:\n  ttlSecondsAfterFinished: 600\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: migrate\n          image: busybox\n", "Job/control-plane-migrate", Added, Added },
    };

    [Theory]
    [MemberData(nameof(Breaks))]
    public void A_breaking_template_is_reported_naming_the_object_its_template_and_the_model_file(
        string code, string file, string from, string to, string subject, string template, string at)
    {
        var paths = ModelCopy.Create(_temp, "broken");
        if (from.Length == 0)
        {
            File.WriteAllText(Path.Combine(paths.ModelDirectory, file), to);
        }
        else
        {
            ModelCopy.Edit(paths, file, from, to);
        }

        if (code == "INFRA4103")
        {
            // The ConfigMap the Deployment reads, without the key it reads.
            File.WriteAllText(Path.Combine(paths.ModelDirectory, Added), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-settings\ndata:\n  region: sgp\n");
        }

        var report = Render(paths, app: null); // Every app on dev-sgp-1: some rules compare one app's objects with another's.

        var found = report.Diagnostics.Where(d => d.Code == code && d.Message.Contains("On cluster 'dev-sgp-1', app 'control-plane': " + subject, StringComparison.Ordinal)).ToList();
        Assert.True(found.Count > 0, $"no {code} on {subject} among:\n{Describe(report, paths)}");
        var finding = found[0];
        Assert.Contains($"(template {template["charts/".Length..]})", finding.Message, StringComparison.Ordinal);
        Assert.EndsWith("model/" + at, finding.Location.File.Replace('\\', '/'), StringComparison.Ordinal);
        Assert.True(finding.Location.Line > 0, finding.Format(paths.Display));
    }

    [Fact]
    public void Names_and_addresses_the_api_server_accepts_are_not_reported()
    {
        // An RBAC name with ':' (a Role: a ClusterRole would be a kind the project does not whitelist), a long ConfigMap name without dots, and localhost: all valid, none a finding.
        var paths = ModelCopy.Create(_temp, "valid");
        var longName = new string('a', 100);
        File.WriteAllText(Path.Combine(paths.ModelDirectory, Added),
            $"apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: {{{{ .Release.Name }}}}:reader\nrules: []\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {longName}\n");
        ModelCopy.Edit(paths, Deployment, Env, Env + "            - name: METRICS\n              value: \"localhost:9090\"\n");

        var report = Render(paths, "control-plane");

        Assert.True(report.Diagnostics.Count == 0, Describe(report, paths));
    }

    [Fact]
    public void A_template_that_hard_codes_a_release_name_is_caught_under_the_second_release_name()
    {
        // The workers address the frontend as the upstream chart names it for a release called temporal, spelled out.
        var paths = ModelCopy.Create(_temp, "hard-coded");
        ModelCopy.Edit(paths, "charts/temporal/templates/workers.yaml",
            "\"{{ include \"temporal.componentname\" (list .Subcharts.temporal \"frontend\") }}:{{ .Subcharts.temporal.Values.server.frontend.service.port }}\"",
            "\"temporal-frontend:7233\"");

        var report = Render(paths, "temporal");

        var finding = Assert.Single(report.Diagnostics, d => d.Code == "INFRA4301" && d.Message.Contains("'dev-sgp-1'", StringComparison.Ordinal));
        Assert.Contains("Deployment/temporal-workers", finding.Message, StringComparison.Ordinal);
        Assert.Contains(HelmRenderStage.AlternatePrefix + "temporal", finding.Message, StringComparison.Ordinal);
        Assert.Contains("INFRA4115", finding.Message, StringComparison.Ordinal);
        Assert.Equal("model/charts/temporal/templates/workers.yaml", paths.Display(finding.Location.File));
        Assert.DoesNotContain(report.Diagnostics, d => d.Code == "INFRA4115"); // Under its own name the address is right.
    }

    [Fact]
    public void A_template_helm_cannot_render_is_reported_with_helms_error_at_the_app()
    {
        var paths = ModelCopy.Create(_temp, "failing");
        // Through index: written as .Values.service.name, validation would refuse the missing key before Helm runs (INFRA2112).
        ModelCopy.Edit(paths, Service, "targetPort: http", "targetPort: {{ required \"service.name is needed\" (index .Values \"service\" \"name\") }}");

        var report = Render(paths, "control-plane");

        var failure = Assert.Single(report.Diagnostics, d => d.Code == "INFRA4004" && d.Message.Contains("cluster 'dev-sgp-1' (release 'control-plane')", StringComparison.Ordinal));
        Assert.Contains("service.name is needed", failure.Message, StringComparison.Ordinal);
        Assert.Contains("control-plane/templates/service.yaml:14", failure.Message, StringComparison.Ordinal);
        Assert.Equal("model/" + Service, paths.Display(failure.Location.File));
    }

    [Fact]
    public void A_chart_that_fails_strict_lint_is_reported_with_lints_finding()
    {
        // Renders, but an API version Kubernetes 1.34 no longer serves is a lint warning, an error under --strict.
        var paths = ModelCopy.Create(_temp, "lint");
        File.WriteAllText(Path.Combine(paths.ModelDirectory, Added), "apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  maxUnavailable: 1\n");

        var report = Render(paths, "control-plane");

        var lint = Assert.Single(report.Diagnostics, d => d.Code == "INFRA4005" && d.Message.Contains("cluster 'dev-sgp-1'", StringComparison.Ordinal));
        Assert.Contains("policy/v1beta1 PodDisruptionBudget is deprecated", lint.Message, StringComparison.Ordinal);
        Assert.Contains(report.NoSchema, k => k.Kind == "policy/v1beta1 PodDisruptionBudget");
    }

    [Fact]
    public void A_cluster_scoped_kind_the_project_does_not_whitelist_is_reported()
    {
        // The generated AppProject whitelists every cluster-scoped kind; narrowed to Namespaces, the CRDs and
        // ClusterRoles the charts render are refused.
        var model = ModelLoader.Load(new InfraCatalog(), RealModel.Paths);
        var (tree, report) = InfraPipeline.RenderWithHelm(new InfraCatalog(), RealModel.Paths, PinnedHelm.Options(cluster: "dev-sgp-1"));
        var narrowed = new RenderedTree();
        foreach (var file in tree.Files.Values)
        {
            narrowed.Add(file with { Documents = [.. file.Documents.Select(NamespacesOnly)] });
        }

        var findings = RenderCheck.Run(model, narrowed, report.Estate).Diagnostics;

        Assert.NotEmpty(findings);
        Assert.All(findings, d => Assert.Equal("INFRA4114", d.Code));
        Assert.Contains(findings, d => d.Message.Contains("app 'observability': CustomResourceDefinition/prometheuses.monitoring.coreos.com", StringComparison.Ordinal)
            && d.Message.Contains("does not whitelist (spec.clusterResourceWhitelist)", StringComparison.Ordinal));
    }

    [Fact]
    public void An_accepted_finding_that_no_longer_occurs_is_reported_as_stale()
    {
        var paths = ModelCopy.Create(_temp, "stale");
        var catalog = RealCatalog.With(estate => estate with
        {
            Apps = [.. estate.Apps.Select(a => a.Name != "control-plane" ? a : Accepting(ControlPlane.App, new AcceptedFinding("INFRA4106", "Service/control-plane", "port renamed upstream")))],
        });

        var (_, report) = InfraPipeline.RenderWithHelm(catalog, paths, PinnedHelm.Options(app: "control-plane"));

        var stale = Assert.Single(report.Diagnostics);
        Assert.Equal("INFRA4302", stale.Code);
        Assert.Contains("Service/control-plane", stale.Message, StringComparison.Ordinal);
        Assert.EndsWith("RenderRuleTests.cs", stale.Location.File, StringComparison.Ordinal);
    }

    [Fact]
    public void An_accepted_finding_is_not_reported_and_is_listed_with_its_reason()
    {
        var paths = ModelCopy.Create(_temp, "accepted");
        ModelCopy.Edit(paths, Service, "targetPort: http", "targetPort: web");
        var catalog = RealCatalog.With(estate => estate with
        {
            Apps = [.. estate.Apps.Select(a => a.Name != "control-plane" ? a : Accepting(ControlPlane.App, new AcceptedFinding("INFRA4106", "Service/control-plane", "the port is renamed upstream")))],
        });

        var (_, report) = InfraPipeline.RenderWithHelm(catalog, paths, PinnedHelm.Options(app: "control-plane"));

        Assert.Empty(report.Diagnostics);
        Assert.Contains(report.Accepted, line => line.Contains("INFRA4106", StringComparison.Ordinal) && line.Contains("the port is renamed upstream", StringComparison.Ordinal));
    }

    /// <summary>The app as declared, with <paramref name="accepted"/> as its accepted findings.</summary>
    private static App<TValues> Accepting<TValues>(App<TValues> app, params AcceptedFinding[] accepted)
        where TValues : IHelmValues<TValues> =>
        new(app.Chart, context => (TValues?)app.ValuesFor(context))
        {
            Namespace = app.Namespace, RunsOn = app.RunsOn, DependsOn = app.DependsOn, Secrets = app.Secrets, IgnoreDifferences = app.IgnoreDifferences, SyncPolicy = app.SyncPolicy, AcceptedFindings = accepted,
        };

    /// <summary>The document with every clusterResourceWhitelist narrowed to Namespaces.</summary>
    private static DocNode NamespacesOnly(DocNode node) => node switch
    {
        DocMap map => map.Entries.Aggregate(new DocMap(), (copy, entry) =>
        {
            copy.Add(entry.Key, entry.Key == "clusterResourceWhitelist" ? new DocSeq { new DocMap { { "group", "" }, { "kind", "Namespace" } } } : NamespacesOnly(entry.Value));
            return copy;
        }),
        DocSeq seq => seq.Aggregate(new DocSeq(), (copy, item) =>
        {
            copy.Add(NamespacesOnly(item));
            return copy;
        }),
        _ => node,
    };

    /// <summary>The findings on dev-sgp-1 (of <paramref name="app"/>, or of every app): each case asserts that cluster's, and rendering one cluster halves the Helm runs.</summary>
    private static RenderReport Render(ModelPaths paths, string? app) => InfraPipeline.RenderWithHelm(new InfraCatalog(), paths, PinnedHelm.Options(app: app, cluster: "dev-sgp-1")).Report;

    private static string Describe(RenderReport report, ModelPaths paths) => string.Join("\n", report.Diagnostics.Select(d => d.Format(paths.Display)));

    public void Dispose() => _temp.Dispose();
}
