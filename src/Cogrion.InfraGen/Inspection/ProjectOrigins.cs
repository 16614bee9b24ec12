using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Rendering;

namespace Cogrion.InfraGen.Inspection;

/// <summary>
/// Why an app's AppProject (the first document of its file in the root's directory) holds what it holds: its sync wave
/// is InfraGen's (every AppProject before any Application); its destinations and cluster-scoped kinds are what
/// <c>model/footprint.yaml</c> records for the app, plus its own namespace, which Argo CD creates
/// (<see cref="ArgoCdManifests.AppProject"/>).
/// </summary>
public static class ProjectOrigins
{
    /// <summary>The sources of <paramref name="value"/>, a node of <paramref name="project"/>, the AppProject of <paramref name="app"/> on <paramref name="cluster"/>.</summary>
    public static IReadOnlyList<Source> For(ResolvedEstate model, ValueOrigins origins, Cluster cluster, App app, DocMap project, DocNode value)
    {
        var spec = project["spec"] as DocMap;
        var footprint = FootprintLine(model, app);
        if (Holding((project["metadata"] as DocMap)?["annotations"], value) is not null)
        {
            return
            [
                new Source(app.DeclaredAt, $"app {app.Name}: InfraGen puts every app's AppProject in sync wave {ArgoCdManifests.ProjectWave}, before any Application (waves start at 0), so no Application names a project Argo CD does not have yet"),
            ];
        }

        if (Holding(spec?["destinations"], value) is DocMap destination)
        {
            var name = (destination["namespace"] as DocScalar)?.Text;
            return [.. Namespace(model, origins, app, name, footprint), new Source(cluster.DeclaredAt, $"cluster {cluster.Name}: the destination server, the cluster's own API ({cluster.Server})")];
        }

        if (Holding(spec?["clusterResourceWhitelist"], value) is DocMap entry)
        {
            var kind = new GroupKind((entry["group"] as DocScalar)?.Text ?? string.Empty, (entry["kind"] as DocScalar)?.Text ?? string.Empty);
            return entry["name"] is DocScalar { Text: var own } && kind == NamespaceKind && own == app.Namespace
                ? [OwnNamespace(origins, app, "so its project allows that one Namespace, by name")]
                : [footprint with { What = $"{footprint.What}: its charts render the cluster-scoped kind {kind} on some cluster, so its project allows it" }];
        }

        // Anything else (the name, the description, the repository, a whole list): the app and what its charts render.
        return
        [
            new Source(app.DeclaredAt, $"app {app.Name}: its AppProject, named after it, allows its own namespace ({app.Namespace}) and what its charts render"),
            footprint,
            new Source(cluster.DeclaredAt, $"cluster {cluster.Name}"),
        ];
    }

    /// <summary>Where <c>model/footprint.yaml</c> speaks of the app: its entry, or the file's first line when it has none yet.</summary>
    public static Source FootprintLine(ResolvedEstate model, App app) =>
        model.Footprint.Find(app.Name) is { Line: > 0 } entry
            ? new Source(new SourceLocation(model.Footprint.File, entry.Line), $"what app {app.Name}'s charts render, as the render check last measured it (`./infragen render --update-footprint` writes it; the check fails while it is stale)")
            : new Source(new SourceLocation(model.Footprint.File, 1), $"no entry for app {app.Name} yet (`./infragen render --update-footprint` writes it): until then its AppProject allows only the app's own namespace");

    private static readonly GroupKind NamespaceKind = new(string.Empty, "Namespace");

    private static IEnumerable<Source> Namespace(ResolvedEstate model, ValueOrigins origins, App app, string? name, Source footprint)
    {
        if (name == app.Namespace)
        {
            yield return OwnNamespace(origins, app, "where its Application deploys");
        }

        if (name is not null && model.Footprint.Find(app.Name)?.Namespaces.Contains(name, StringComparer.Ordinal) == true)
        {
            yield return footprint with { What = $"{footprint.What}: its charts render objects in namespace {name}" };
        }
    }

    private static Source OwnNamespace(ValueOrigins origins, App app, string why) => new(
        DeclarationSetting.Line(origins, app, nameof(App.Namespace)),
        $"app {app.Name}'s own namespace {app.Namespace} (App.Namespace: the app's name unless set), which Argo CD creates (CreateNamespace=true): {why}");

    /// <summary>The entry of <paramref name="list"/> (a list of maps) that is or holds <paramref name="value"/>, the list itself, or null.</summary>
    private static DocNode? Holding(DocNode? list, DocNode value)
    {
        if (list is null)
        {
            return null;
        }

        if (ReferenceEquals(list, value))
        {
            return list;
        }

        return list switch
        {
            DocSeq seq => seq.FirstOrDefault(item => Contains(item, value)),
            DocMap map => map.Entries.Any(e => Contains(e.Value, value)) ? map : null,
            _ => null,
        };
    }

    private static bool Contains(DocNode node, DocNode value) => ReferenceEquals(node, value) || node switch
    {
        DocMap map => map.Entries.Any(e => Contains(e.Value, value)),
        DocSeq seq => seq.Any(item => Contains(item, value)),
        _ => false,
    };
}
