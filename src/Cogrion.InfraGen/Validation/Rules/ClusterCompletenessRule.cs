using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Rendering;

namespace Cogrion.InfraGen.Validation.Rules;

/// <summary>INFRA2105: every cluster of the model has its bootstrap with its root Application, and exactly one Application per app, and no others.</summary>
public sealed class ClusterCompletenessRule : ITreeRule
{
    public IEnumerable<InfraDiagnostic> Check(TreeFacts facts)
    {
        var applications = facts.Files.Where(f => f.Kind == FileKind.Application).ToLookup(f => (f.Cluster, f.App));
        foreach (var cluster in facts.Model.Clusters)
        {
            var name = cluster.Name;
            if (!Has(facts, TreeLayout.Bootstrap(name), FileKind.Bootstrap, name))
            {
                yield return ValidationErrors.ClusterIncomplete(name, "has no bootstrap", cluster.DeclaredAt, TreeLayout.Bootstrap(name));
            }

            else if (!facts.Applications().Any(a => a.File.Kind == FileKind.Bootstrap && a.File.Cluster == name))
            {
                yield return ValidationErrors.ClusterIncomplete(name, "has no root Application in its bootstrap", cluster.DeclaredAt, TreeLayout.Bootstrap(name));
            }

            foreach (var app in facts.Model.Apps)
            {
                var files = applications[(name, app.Name)].ToList();
                if (files.Count != 1)
                {
                    var problem = files.Count == 0
                        ? $"has no Application for app '{app.Name}'"
                        : $"has {files.Count} Applications for app '{app.Name}' ({string.Join(", ", files.Select(f => "out/" + f.Path))})";
                    yield return ValidationErrors.ClusterIncomplete(name, problem, app.DeclaredAt, files.Count == 0 ? TreeLayout.Application(name, app.Name) : files[^1].Path);
                }
            }
        }

        foreach (var file in applications.SelectMany(g => g).Where(f => f.Cluster is null || f.App is null || !facts.Clusters.ContainsKey(f.Cluster) || !facts.Apps.ContainsKey(f.App)))
        {
            yield return ValidationErrors.ClusterIncomplete(file.Cluster ?? "?", $"has an Application for '{file.App}' that the model does not declare", file.Origin, file.Path);
        }
    }

    private static bool Has(TreeFacts facts, string path, FileKind kind, string cluster) =>
        facts.Tree.Files.TryGetValue(path, out var file) && file.Kind == kind && file.Cluster == cluster && file.Documents.Count > 0;
}
