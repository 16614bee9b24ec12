using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Rendering;

namespace Cogrion.InfraGen.Validation.Rules;

/// <summary>
/// INFRA2102: each child Application's chart <c>path</c> is a chart directory of the tree whose Chart.yaml names
/// the app, in a directory of that name (Helm and Argo CD fail late, in the cluster, on either mistake).
/// </summary>
public sealed class ChartPathRule : ITreeRule
{
    public IEnumerable<InfraDiagnostic> Check(TreeFacts facts)
    {
        foreach (var (file, application) in facts.Applications().Where(a => a.File.Kind == FileKind.Application))
        {
            var app = file.App?.Name ?? DocPointer.String(application, "metadata", "name") ?? "?";
            var path = DocPointer.String(application, "spec", "source", "path");
            var problem = Problem(facts, app, path);
            if (problem is not null)
            {
                var at = TreeFacts.OriginOf(file, application, ["spec", "source", "path"]);
                yield return ValidationErrors.ChartPath(app, path ?? "", problem, at, file.Path, path is null ? "/spec/source" : "/spec/source/path");
            }
        }
    }

    private static string? Problem(TreeFacts facts, string app, string? path)
    {
        if (path is null)
        {
            return "is missing";
        }

        var directory = facts.TreeRelative(path);
        if (directory is null)
        {
            return $"lies outside the generated tree ({facts.TreeDescription})";
        }

        if (!facts.Tree.Files.TryGetValue(directory + "/Chart.yaml", out var chart) || chart.Kind != FileKind.ChartManifest || chart.Documents.Count == 0)
        {
            return "holds no Chart.yaml";
        }

        var name = DocPointer.String(chart.Documents[0], "name");
        var folder = directory[(directory.LastIndexOf('/') + 1)..];
        return name == app && name == folder ? null : $"holds chart '{name}' in directory '{folder}'";
    }
}
