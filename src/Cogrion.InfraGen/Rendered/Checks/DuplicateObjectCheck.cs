namespace Cogrion.InfraGen.Rendered.Checks;

/// <summary>
/// INFRA4112: no object is rendered by two apps of one cluster (same group, kind, namespace and name): the two
/// Applications would take it from each other on every sync (Argo CD reports it as a shared resource).
/// </summary>
public sealed class DuplicateObjectCheck : IClusterCheck
{
    public IEnumerable<(RenderedRelease Release, RenderFinding Finding)> Check(RenderFacts facts, Cluster cluster, IReadOnlyList<RenderedRelease> releases)
    {
        var first = new Dictionary<(string Group, string Kind, string? Namespace, string Name), (RenderedRelease Release, RenderedObject Object)>();
        var reported = new HashSet<(RenderedRelease, RenderedObject)>();
        foreach (var release in releases)
        {
            foreach (var obj in release.Objects.DistinctBy(o => (o.Group, o.Kind, o.Namespace, o.Name)))
            {
                var key = (obj.Group, obj.Kind, facts.IsClusterScoped(cluster, obj) ? null : obj.Namespace, obj.Name);
                if (!first.TryAdd(key, (release, obj)) && first[key].Release.App != release.App)
                {
                    // Reported on both apps: either may be the one to change, and `--app` shows each its own findings.
                    var (other, otherObject) = first[key];
                    yield return (release, Shared(obj, key.Item3, other, cluster));
                    if (reported.Add((other, otherObject)))
                    {
                        yield return (other, Shared(otherObject, key.Item3, release, cluster));
                    }
                }
            }
        }
    }

    private static RenderFinding Shared(RenderedObject obj, string? ns, RenderedRelease other, Cluster cluster) =>
        new("INFRA4112", obj, "/metadata/name",
            $"is also rendered by app '{other.App.Name}'{(ns is null ? "" : $" in namespace '{ns}'")} on cluster '{cluster.Name}'; each object must belong to one app (the two Applications would fight over it).");
}
