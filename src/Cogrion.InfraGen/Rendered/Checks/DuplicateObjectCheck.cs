namespace Cogrion.InfraGen.Rendered.Checks;

/// <summary>
/// INFRA4112: no object is rendered by two apps of one cluster (same group, kind, namespace and name): the two
/// Applications would take it from each other on every sync (Argo CD reports it as a shared resource).
/// </summary>
public sealed class DuplicateObjectCheck : IClusterCheck
{
    public IEnumerable<(RenderedRelease Release, RenderFinding Finding)> Check(RenderFacts facts, Cluster cluster, IReadOnlyList<RenderedRelease> releases)
    {
        var first = new Dictionary<(string Group, string Kind, string? Namespace, string Name), RenderedRelease>();
        foreach (var release in releases)
        {
            foreach (var obj in release.Objects.DistinctBy(o => (o.Group, o.Kind, o.Namespace, o.Name)))
            {
                var key = (obj.Group, obj.Kind, facts.IsClusterScoped(cluster, obj) ? null : obj.Namespace, obj.Name);
                if (!first.TryAdd(key, release) && first[key].App != release.App)
                {
                    var where = key.Item3 is null ? "" : $" in namespace '{key.Item3}'";
                    yield return (release, new RenderFinding("INFRA4112", obj, "/metadata/name",
                        $"is also rendered by app '{first[key].App.Name}'{where} on cluster '{cluster.Name}'; each object must belong to one app (the two Applications would fight over it)."));
                }
            }
        }
    }
}
