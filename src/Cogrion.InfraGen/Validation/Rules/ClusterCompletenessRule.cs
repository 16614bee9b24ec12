using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Rendering;

namespace Cogrion.InfraGen.Validation.Rules;

/// <summary>
/// INFRA2105: every cluster of the model has its bootstrap, its root Application and exactly one Application per app
/// that runs on it (<see cref="App.RunsOn"/>), and no others: none for an app the model does not declare, or one that
/// does not run there.
/// </summary>
public sealed class ClusterCompletenessRule : ITreeRule
{
    public IEnumerable<InfraDiagnostic> Check(TreeFacts facts)
    {
        var applications = facts.Files.Where(f => f.Kind == FileKind.Application).ToLookup(f => (f.Cluster, f.App));
        foreach (var cluster in facts.Model.Clusters)
        {
            var name = cluster.Name;
            if (!Has(facts, TreeLayout.Bootstrap(name), FileKind.Bootstrap, cluster))
            {
                yield return ValidationErrors.ClusterIncomplete(name, "has no bootstrap", cluster.DeclaredAt, TreeLayout.Bootstrap(name));
            }

            if (!Has(facts, TreeLayout.Root(name), FileKind.RootApplication, cluster))
            {
                yield return ValidationErrors.ClusterIncomplete(name, "has no root Application", cluster.DeclaredAt, TreeLayout.Root(name));
            }

            foreach (var app in facts.Model.On(cluster).Select(p => p.App))
            {
                var files = applications[(cluster, app)].ToList();
                if (files.Count != 1)
                {
                    var problem = files.Count == 0
                        ? $"has no Application for app '{app.Name}'"
                        : $"has {files.Count} Applications for app '{app.Name}' ({string.Join(", ", files.Select(f => "out/" + f.Path))})";
                    yield return ValidationErrors.ClusterIncomplete(name, problem, app.DeclaredAt, files.Count == 0 ? TreeLayout.Application(name, app.Name) : files[^1].Path);
                }
            }
        }

        foreach (var file in applications.SelectMany(g => g))
        {
            if (file.Cluster is null || file.App is null || !facts.Clusters.ContainsKey(file.Cluster.Name) || !facts.Apps.ContainsKey(file.App.Name))
            {
                yield return ValidationErrors.ClusterIncomplete(file.Cluster?.Name ?? "?", $"has an Application for '{file.App?.Name}' that the model does not declare", file.Origin, file.Path);
            }
            else if (facts.Model.Find(file.Cluster, file.App) is null)
            {
                yield return ValidationErrors.ClusterIncomplete(file.Cluster.Name, $"has an Application for '{file.App.Name}', which does not run there (its RunsOn leaves the cluster out)", file.Origin, file.Path);
            }
        }
    }

    private static bool Has(TreeFacts facts, string path, FileKind kind, Cluster cluster) =>
        facts.Tree.Files.TryGetValue(path, out var file) && file.Kind == kind && file.Cluster == cluster && file.Documents.Count > 0;
}
