using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Loading;

namespace Cogrion.InfraGen.Rendered.Checks;

/// <summary>
/// What each app's charts render, read off the render stage (<see cref="Measure"/>), and INFRA4116 when
/// <c>model/footprint.yaml</c>, from which every build makes the AppProjects, says otherwise in either direction: a
/// namespace or kind it lacks would be refused by Argo CD, one it lists that nothing renders is a permission nobody uses.
/// </summary>
public static class FootprintCheck
{
    /// <summary>Per app, over every cluster rendered: the namespaces its objects land in and its cluster-scoped kinds.</summary>
    public static IReadOnlyDictionary<string, AppFootprint> Measure(RenderFacts facts)
    {
        var footprints = new SortedDictionary<string, AppFootprint>(StringComparer.Ordinal);
        foreach (var byApp in facts.Releases.GroupBy(r => r.App.Name, StringComparer.Ordinal))
        {
            var namespaces = new SortedSet<string>(StringComparer.Ordinal);
            var kinds = new SortedSet<GroupKind>();
            foreach (var release in byApp)
            {
                foreach (var obj in release.Objects)
                {
                    if (facts.IsClusterScoped(release.Cluster, obj))
                    {
                        kinds.Add(new GroupKind(obj.Group, obj.Kind));
                    }
                    else if (obj.Namespace is { } ns)
                    {
                        namespaces.Add(ns);
                    }
                }
            }

            footprints[byApp.Key] = new AppFootprint([.. namespaces], [.. kinds]);
        }

        return footprints;
    }

    /// <summary>
    /// INFRA4116 for each app whose entry differs from what it rendered; only for apps rendered on every cluster (the entry
    /// is a union over clusters), and for entries of apps the model no longer has.
    /// </summary>
    public static IEnumerable<InfraDiagnostic> Check(ResolvedEstate model, IReadOnlyDictionary<string, AppFootprint> measured, Func<App, bool> renderedEverywhere, string? onlyApp)
    {
        var file = model.Footprint;
        foreach (var app in model.Apps.Where(a => (onlyApp is null || a.Name == onlyApp) && renderedEverywhere(a)))
        {
            var rendered = measured.GetValueOrDefault(app.Name) ?? new AppFootprint([], []);
            var listed = file.Find(app.Name);
            if (listed is not null && listed.SameAs(rendered))
            {
                continue;
            }

            var problems = new List<string>();
            if (listed is null)
            {
                problems.Add("has no entry for it");
            }
            else
            {
                Describe(problems, "lacks", rendered.Namespaces.Except(listed.Namespaces, StringComparer.Ordinal), rendered.ClusterKinds.Except(listed.ClusterKinds), "which it renders");
                Describe(problems, "lists", listed.Namespaces.Except(rendered.Namespaces, StringComparer.Ordinal), listed.ClusterKinds.Except(rendered.ClusterKinds), "which it no longer renders");
            }

            yield return RenderErrors.StaleFootprint(app.Name, string.Join("; it ", problems), new SourceLocation(file.File, listed?.Line ?? 1));
        }

        if (onlyApp is null)
        {
            foreach (var (name, entry) in file.Apps.Where(e => !model.Apps.Any(a => a.Name == e.Key)))
            {
                yield return RenderErrors.StaleFootprint(name, "lists it, but the model has no such app", new SourceLocation(file.File, entry.Line));
            }
        }
    }

    private static void Describe(List<string> problems, string verb, IEnumerable<string> namespaces, IEnumerable<GroupKind> kinds, string why)
    {
        var items = namespaces.Select(n => $"namespace {n}").Concat(kinds.Select(k => $"kind {k}")).ToList();
        if (items.Count > 0)
        {
            problems.Add($"{verb} {string.Join(", ", items)}, {why}");
        }
    }
}
