using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Rendering;
using Cogrion.InfraGen.Validation.Templates;

namespace Cogrion.InfraGen.Validation.Rules;

/// <summary>
/// INFRA2112: every <c>.Values</c> key a hand-written chart template reads unguarded is in the values each cluster
/// gives the chart (its defaults merged with the cluster's file). A values property made nullable leaves its key out
/// wherever it is null, and Helm renders a missing key as nothing, silently (<c>path:</c> with no path); under
/// <c>required</c> the sync fails instead. Keys below an upstream chart's values are not judged: Helm merges that
/// chart's own defaults there, which the tree does not hold. See <see cref="ValuesReads"/> for what counts as a read.
/// </summary>
public sealed class TemplateReadsRule : ITreeRule
{
    /// <summary>How many clusters a message names before it counts the rest.</summary>
    private const int ClustersNamed = 3;

    public IEnumerable<InfraDiagnostic> Check(TreeFacts facts)
    {
        var viewsByApp = facts.Values.ToLookup(v => v.App.Name, StringComparer.Ordinal);
        foreach (var file in facts.Files)
        {
            if (file.Kind != FileKind.ChartTemplate || file.App is not { } appName || !facts.Apps.TryGetValue(appName, out var app)
                || file.Documents.Count > 0 || file.Origin.IsUnknown || file.Origin.File == app.DeclaredAt.File)
            {
                continue; // Only hand-written templates: the generated ones are checked where they are made (INFRA2110).
            }

            var subcharts = app.Chart.Dependencies.Select(d => d.Alias ?? d.Name).ToHashSet(StringComparer.Ordinal);
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (var read in ValuesReads.Of(file.Text))
            {
                if (subcharts.Contains(read.Path[0]) || reported.Contains(read.Expression))
                {
                    continue; // One error per key and template, at its first read that fails.
                }

                var missing = viewsByApp[appName]
                    .Where(v => read.RendersWith(v.Merged) && IsMissing(DocPointer.Find(v.Merged, read.Path)))
                    .Select(v => v.Cluster.Name)
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (missing.Count == 0)
                {
                    continue;
                }

                reported.Add(read.Expression);
                yield return Problem(file, app, read, missing);
            }
        }
    }

    private static bool IsMissing(DocNode? node) => node is null or DocScalar { Kind: ScalarKind.Null };

    private static InfraDiagnostic Problem(RenderedFile file, App app, ValuesRead read, List<string> clusters)
    {
        var line = read.Line - FileHeader.HelmCommentLines(file.Text); // The line in the model's template, which the user edits.
        var templateLine = file.Origin with { Line = file.Origin.Line + line - 1 };
        var template = file.Path[(TreeLayout.ChartFile(app.Name, string.Empty).Length)..];

        // At the property when the model declares the key (the usual fix is there), else at the template's line.
        var at = app.ValuesInfo.PropertyOrigins.TryGetValue(string.Join('.', read.Path), out var declared) ? declared : templateLine;
        var named = string.Join(", ", clusters.Take(ClustersNamed).Select(c => $"'{c}'"));
        var who = clusters.Count == 1 ? $"cluster {named}"
            : clusters.Count <= ClustersNamed ? $"clusters {named}"
            : $"clusters {named} and {clusters.Count - ClustersNamed} more";
        return ValidationErrors.TemplateReadsMissingValue(app.Name, template, line, read.Expression, who, at, file.Path);
    }
}
