using Cogrion.InfraGen.Documents;

namespace Cogrion.InfraGen.Rendered;

/// <summary>One Kubernetes object Helm rendered, with the template it came from.</summary>
/// <param name="Document">The object as Helm printed it.</param>
/// <param name="Template">Helm's <c># Source:</c> path (<c>control-plane/templates/deployment.yaml</c>).</param>
/// <param name="Namespace">Where Argo CD applies it: its own namespace, else the release's (null for cluster-scoped kinds).</param>
public sealed record RenderedObject(DocMap Document, string Template, string? Namespace)
{
    public string ApiVersion => Field("apiVersion");

    public string Kind => Field("kind");

    public string Name => Metadata("name") ?? "";

    /// <summary>The API group (empty for the core group).</summary>
    public string Group => ApiVersion.Contains('/') ? ApiVersion[..ApiVersion.IndexOf('/')] : "";

    /// <summary><c>Kind/name</c>, as messages name an object.</summary>
    public string Id => $"{Kind}/{Name}";

    /// <summary>The object's size as compact JSON, which is what Argo CD's client-side apply stores in an annotation.</summary>
    public int JsonBytes { get; init; }

    /// <summary>A metadata string (<c>name</c>, <c>namespace</c>), or null.</summary>
    public string? Metadata(string key) => Document["metadata"] is DocMap m && m[key] is DocScalar s ? s.Text : null;

    /// <summary>A metadata annotation, or null.</summary>
    public string? Annotation(string key) =>
        Document["metadata"] is DocMap m && m["annotations"] is DocMap a && a[key] is DocScalar s ? s.Text : null;

    private string Field(string key) => Document[key] is DocScalar s ? s.Text : "";
}
