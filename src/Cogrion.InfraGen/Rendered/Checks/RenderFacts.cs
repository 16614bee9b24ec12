using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Rendering;
using Cogrion.InfraGen.Validation;
using Cogrion.InfraGen.Validation.Schemas;

namespace Cogrion.InfraGen.Rendered.Checks;

/// <summary>
/// What the render checks read, per cluster: every release Helm rendered, the CRDs they install (their scope and
/// schemas), and the Argo CD Applications and AppProjects of the generated tree.
/// </summary>
public sealed class RenderFacts
{
    private readonly Dictionary<string, Dictionary<(string Group, string Version, string Kind), (DocMap Crd, Lazy<CompiledSchema?> Schema)>> _crds = new(StringComparer.Ordinal);

    /// <summary>
    /// CRD schemas by their text, for this run: every cluster installs the same CRDs (hundreds of kB each), so each is
    /// built once per run rather than once per cluster; nothing outlives the run.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Title, string Text), Lazy<CompiledSchema?>> _schemas = new();

    public RenderFacts(ResolvedEstate model, RenderedTree tree, IReadOnlyList<RenderedRelease> releases)
    {
        Model = model;
        Tree = tree;
        Releases = releases;
        foreach (var cluster in model.Clusters)
        {
            var index = new Dictionary<(string, string, string), (DocMap, Lazy<CompiledSchema?>)>();
            foreach (var crd in releases.Where(r => r.Cluster == cluster).SelectMany(r => r.Objects).Where(o => o.Kind == "CustomResourceDefinition"))
            {
                foreach (var (group, version, kind) in KubernetesKinds.Served(crd.Document))
                {
                    index[(group, version, kind)] = (crd.Document, new Lazy<CompiledSchema?>(() => SchemaOf(crd.Document, group, version, kind)));
                }
            }

            _crds[cluster.Name] = index;
        }
    }

    public ResolvedEstate Model { get; }

    public RenderedTree Tree { get; }

    /// <summary>Every release under its Argo CD release name.</summary>
    public IReadOnlyList<RenderedRelease> Releases { get; }

    /// <summary>This run's schema verdicts (objects of one shape are evaluated once).</summary>
    public SchemaVerdicts Verdicts { get; } = new();

    /// <summary>The releases of one cluster.</summary>
    public IEnumerable<RenderedRelease> On(Cluster cluster) => Releases.Where(r => r.Cluster == cluster);

    /// <summary>Whether an object's kind is cluster-scoped on <paramref name="cluster"/> (built-in, or by its CRD's scope).</summary>
    public bool IsClusterScoped(Cluster cluster, RenderedObject obj) =>
        KubernetesKinds.IsClusterScoped(obj.ApiVersion, obj.Kind)
        || Crd(cluster, obj) is { } crd && crd["spec"] is DocMap spec && spec["scope"] is DocScalar { Text: "Cluster" };

    /// <summary>The CRD that serves an object's kind on the cluster, if one of its apps installs it.</summary>
    public DocMap? Crd(Cluster cluster, RenderedObject obj) =>
        obj.ApiVersion.Contains('/') && _crds[cluster.Name].TryGetValue((obj.Group, obj.ApiVersion[(obj.ApiVersion.IndexOf('/') + 1)..], obj.Kind), out var crd) ? crd.Crd : null;

    /// <summary>The <c>openAPIV3Schema</c> of that CRD's version, built once per cluster and kind; null if it has none (or none JSON Schema can build).</summary>
    public CompiledSchema? CrdSchema(Cluster cluster, RenderedObject obj) =>
        obj.ApiVersion.Contains('/') && _crds[cluster.Name].TryGetValue((obj.Group, obj.ApiVersion[(obj.ApiVersion.IndexOf('/') + 1)..], obj.Kind), out var crd) ? crd.Schema.Value : null;

    /// <summary>The child Application of an app on a cluster, from the generated tree.</summary>
    public DocMap? Application(Cluster cluster, App app) =>
        Tree.Files.TryGetValue(TreeLayout.Application(cluster.Name, app.Name), out var file) ? ArgoCdManifests.ApplicationIn(file.Documents) : null;

    /// <summary>The AppProject a cluster's Application uses, from the generated tree (any file of that cluster that holds it).</summary>
    public DocMap? Project(Cluster cluster, string name) =>
        Tree.Files.Values.Where(f => f.Cluster == cluster).SelectMany(f => f.Documents).OfType<DocMap>()
            .FirstOrDefault(d => DocPointer.String(d, "kind") == "AppProject" && DocPointer.String(d, "metadata", "name") == name);

    /// <summary>The Application's sync options (<c>ServerSideApply=true</c>, …).</summary>
    public IReadOnlyList<string> SyncOptions(Cluster cluster, App app) =>
        Application(cluster, app) is { } application && DocPointer.Find(application, ["spec", "syncPolicy", "syncOptions"]) is DocSeq options
            ? [.. options.OfType<DocScalar>().Select(s => s.Text)]
            : [];

    /// <summary>Whether Argo CD self-heals the app on the cluster.</summary>
    public bool SelfHeals(Cluster cluster, App app) =>
        Application(cluster, app) is { } application && DocPointer.Find(application, ["spec", "syncPolicy", "automated", "selfHeal"]) is DocScalar { Text: "true" };

    private CompiledSchema? SchemaOf(DocMap crd, string group, string version, string kind)
    {
        var versions = DocPointer.Find(crd, ["spec", "versions"]) as DocSeq;
        var entry = versions?.OfType<DocMap>().FirstOrDefault(v => v["name"] is DocScalar n && n.Text == version);
        if ((entry is null ? null : DocPointer.Find(entry, ["schema", "openAPIV3Schema"])) is not DocMap schema)
        {
            return null;
        }

        var key = ($"{kind} ({group}/{version}, from its CustomResourceDefinition)", DocJson.ToElement(schema).GetRawText());
        return _schemas.GetOrAdd(key, static key => new Lazy<CompiledSchema?>(() => Build(key.Title, key.Text))).Value;
    }

    private static CompiledSchema? Build(string title, string text)
    {
        try
        {
            return CompiledSchema.Parse(title, text, kubernetes: true);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or Json.Schema.JsonSchemaException or ArgumentException or InvalidOperationException)
        {
            return null; // A CRD schema JSON Schema cannot build: the kind counts as one without a schema.
        }
    }
}
