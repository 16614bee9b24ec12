using Cogrion.InfraGen.Documents;

namespace Cogrion.InfraGen.Rendered.Checks;

/// <summary>INFRA4111: an Ingress's <c>ingressClassName</c> is an IngressClass that some app of the same cluster renders.</summary>
public sealed class IngressClassCheck : IClusterCheck
{
    public IEnumerable<(RenderedRelease Release, RenderFinding Finding)> Check(RenderFacts facts, Cluster cluster, IReadOnlyList<RenderedRelease> releases)
    {
        var classes = releases.SelectMany(r => r.Objects).Where(o => o.Kind == "IngressClass" && o.Group == "networking.k8s.io")
            .Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var release in releases)
        {
            foreach (var ingress in release.Objects.Where(o => o.Kind == "Ingress" && o.Group == "networking.k8s.io"))
            {
                if ((ingress.Document["spec"] as DocMap)?["ingressClassName"] is DocScalar { Text: var name } && !classes.Contains(name))
                {
                    var known = classes.Count == 0 ? "no app of the cluster renders an IngressClass" : "the cluster's IngressClasses are " + string.Join(", ", classes.Order(StringComparer.Ordinal));
                    yield return (release, new RenderFinding("INFRA4111", ingress, "/spec/ingressClassName",
                        $"asks for ingressClassName '{name}', which no app of cluster '{cluster.Name}' renders ({known}); no controller would serve it."));
                }
            }
        }
    }
}
