namespace Cogrion.InfraGen.Rendered;

/// <summary>One app on one cluster as Helm rendered it, the way Argo CD renders it.</summary>
/// <param name="Cluster">The cluster.</param>
/// <param name="App">The app.</param>
/// <param name="ReleaseName">The release name Helm used (Argo CD's: the Application name).</param>
/// <param name="Namespace">The release namespace (the Application's destination).</param>
/// <param name="Objects">Every object, in Helm's output order.</param>
/// <param name="Manifest">Helm's output, as <c>helm template</c> printed it.</param>
/// <param name="Cached">Whether the render came from the cache (chart, values and Helm unchanged).</param>
public sealed record RenderedRelease(Cluster Cluster, App App, string ReleaseName, string Namespace, IReadOnlyList<RenderedObject> Objects, string Manifest, bool Cached);
