using System.Text.RegularExpressions;
using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Validation;

namespace Cogrion.InfraGen.Rendered.Checks;

/// <summary>
/// What the app's AppProject permits, read from the generated tree:
/// INFRA4113: every namespace an object lands in is a destination of the project (Argo CD refuses the sync otherwise);
/// INFRA4114: every cluster-scoped object is in the project's <c>clusterResourceWhitelist</c> (by group and kind, and by name
/// where the entry names one).
/// </summary>
public sealed class ProjectCheck : IClusterCheck
{
    public IEnumerable<(RenderedRelease Release, RenderFinding Finding)> Check(RenderFacts facts, Cluster cluster, IReadOnlyList<RenderedRelease> releases)
    {
        foreach (var release in releases)
        {
            var projectName = facts.Application(cluster, release.App) is { } application ? DocPointer.String(application, "spec", "project") ?? "default" : "default";
            var project = facts.Project(cluster, projectName);
            var destinations = Entries(project, "destinations", "namespace");
            var whitelist = (project is null ? null : DocPointer.Find(project, ["spec", "clusterResourceWhitelist"]) as DocSeq)?.OfType<DocMap>()
                .Select(e => (Group: DocPointer.String(e, "group") ?? "", Kind: DocPointer.String(e, "kind") ?? "", Name: DocPointer.String(e, "name") ?? "*")).ToList() ?? [];
            foreach (var obj in release.Objects)
            {
                if (facts.IsClusterScoped(cluster, obj))
                {
                    if (!whitelist.Any(w => Glob(w.Group, obj.Group) && Glob(w.Kind, obj.Kind) && Glob(w.Name, obj.Name)))
                    {
                        yield return (release, new RenderFinding("INFRA4114", obj, "/kind",
                            $"is a cluster-scoped {obj.Kind} ({(obj.Group.Length == 0 ? "core" : obj.Group)}) that AppProject '{projectName}' does not whitelist (spec.clusterResourceWhitelist); Argo CD refuses to sync it."));
                    }
                }
                else if (obj.Namespace is { } ns && !destinations.Any(d => Glob(d, ns)))
                {
                    yield return (release, new RenderFinding("INFRA4113", obj, "/metadata/namespace",
                        $"lands in namespace '{ns}', which is not a destination of AppProject '{projectName}' on cluster '{cluster.Name}' ({(destinations.Count == 0 ? "it has none" : string.Join(", ", destinations))}); Argo CD refuses to sync it."));
                }
            }
        }
    }

    private static List<string> Entries(DocMap? project, string list, string field) =>
        (project is null ? null : DocPointer.Find(project, ["spec", list]) as DocSeq)?.OfType<DocMap>()
            .Select(e => DocPointer.String(e, field)).OfType<string>().ToList() ?? [];

    /// <summary>Argo CD's glob for project entries: <c>*</c> matches any run of characters.</summary>
    private static bool Glob(string pattern, string value) =>
        pattern == "*" || (pattern.Contains('*') ? Regex.IsMatch(value, "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant) : pattern == value);
}
