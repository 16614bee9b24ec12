using System.Collections.Frozen;
using System.Reflection;

namespace Cogrion.InfraGen.Validation.Schemas;

/// <summary>
/// The upstream schemas carried in this assembly (Schemas/NOTICE.md says where each comes from), each built once
/// per process on first use. <see cref="Prepare"/> starts building them all in the background, so the cost
/// overlaps loading and rendering the model.
/// </summary>
public static class UpstreamSchemas
{
    private static readonly FrozenDictionary<(string ApiVersion, string Kind), Lazy<CompiledSchema>> ByApi = new Dictionary<(string, string), Lazy<CompiledSchema>>
    {
        [("argoproj.io/v1alpha1", "Application")] = Embedded("argocd-application", "Argo CD Application (argoproj.io/v1alpha1, Argo CD v3.5.1)"),
        [("argoproj.io/v1alpha1", "AppProject")] = Embedded("argocd-appproject", "Argo CD AppProject (argoproj.io/v1alpha1, Argo CD v3.5.1)"),
        [("external-secrets.io/v1", "ExternalSecret")] = Embedded("eso-externalsecret-v1", "ExternalSecret (external-secrets.io/v1, External Secrets v2.9.0)"),
        [("external-secrets.io/v1", "ClusterSecretStore")] = Embedded("eso-clustersecretstore-v1", "ClusterSecretStore (external-secrets.io/v1, External Secrets v2.9.0)"),
        [("v1", "Namespace")] = Embedded("k8s-namespace-v1", "Kubernetes Namespace (v1, Kubernetes v1.34)"),
        [("v1", "Secret")] = Embedded("k8s-secret-v1", "Kubernetes Secret (v1, Kubernetes v1.34)"),
    }.ToFrozenDictionary();

    private static readonly Lazy<CompiledSchema> ChartYaml = Embedded("helm-chart", "Helm Chart.yaml (SchemaStore chart.json)");

    /// <summary>The schema of Helm's <c>Chart.yaml</c>.</summary>
    public static CompiledSchema HelmChart => ChartYaml.Value;

    /// <summary>Every (apiVersion, kind) with a schema.</summary>
    public static IEnumerable<(string ApiVersion, string Kind)> Known => ByApi.Keys.Order();

    /// <summary>The schema for an apiVersion and kind, or null when none is carried.</summary>
    public static CompiledSchema? For(string apiVersion, string kind) => ByApi.TryGetValue((apiVersion, kind), out var schema) ? schema.Value : null;

    /// <summary>Starts building every schema on the thread pool; later uses wait only for what is not built yet.</summary>
    public static void Prepare()
    {
        foreach (var schema in ByApi.Values.Append(ChartYaml).Where(s => !s.IsValueCreated))
        {
            ThreadPool.UnsafeQueueUserWorkItem(static s => _ = s.Value, schema, preferLocal: false);
        }
    }

    private static Lazy<CompiledSchema> Embedded(string name, string title) => new(() =>
    {
        var resource = $"Cogrion.InfraGen.Schemas.{name}.schema.json";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded schema '{resource}' is missing from the build.");
        using var reader = new StreamReader(stream);
        return CompiledSchema.Parse(title, reader.ReadToEnd());
    });
}
