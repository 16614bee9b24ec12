using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Rendering;
using Cogrion.InfraGen.Validation.Templates;

namespace Cogrion.InfraGen.Validation.Rules;

/// <summary>
/// INFRA2112: every <c>.Values</c> key a hand-written chart template reads unguarded is in the values each cluster
/// gives the chart (its defaults merged with the cluster's file). A values property made nullable leaves its key out
/// wherever it is null, and Helm renders a missing key as nothing, silently (<c>path:</c> with no path); under
/// <c>required</c> the sync fails instead. Keys below an upstream chart's values are not judged: Helm merges that
/// chart's own defaults there, which the tree does not hold. See <see cref="ValuesReads"/> for what counts as a read.
/// The generated templates are checked where they are made (the ExternalSecret reads only supplied values).
/// </summary>
public sealed class TemplateReadsRule : ITreeRule
{
    /// <summary>How many clusters a message names before it counts the rest.</summary>
    private const int ClustersNamed = 3;

    public IEnumerable<InfraDiagnostic> Check(TreeFacts facts)
    {
        var viewsByApp = facts.Values.ToLookup(v => v.App);
        foreach (var app in facts.Model.Apps)
        {
            var subcharts = app.Chart.Dependencies.Select(d => d.Alias ?? d.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var template in facts.Model.Chart(app).Templates)
            {
                var reported = new HashSet<string>(StringComparer.Ordinal);
                foreach (var read in ValuesReads.Of(template.Text))
                {
                    if (subcharts.Contains(read.Path[0]) || reported.Contains(read.Expression))
                    {
                        continue; // One error per key and template, at its first read that fails.
                    }

                    var missing = viewsByApp[app]
                        .Where(v => read.RendersWith(v.Merged) && IsMissing(DocPointer.Find(v.Merged, read.Path)))
                        .Select(v => v.Cluster.Name)
                        .Order(StringComparer.Ordinal)
                        .ToList();
                    if (missing.Count > 0)
                    {
                        reported.Add(read.Expression);
                        yield return Problem(facts.Model.Paths, app, template, read, missing);
                    }
                }
            }
        }
    }

    private static bool IsMissing(DocNode? node) => node is null or DocScalar { Kind: ScalarKind.Null };

    private static InfraDiagnostic Problem(ModelPaths paths, App app, ChartTemplate template, ValuesRead read, List<string> clusters)
    {
        // At the property when the model declares the key (the usual fix is there), else at the template's line.
        var at = app.ValuesInfo.PropertyOrigins.TryGetValue(string.Join('.', read.Path), out var declared)
            ? declared
            : new SourceLocation(paths.Display(template.Source), read.Line);
        var named = string.Join(", ", clusters.Take(ClustersNamed).Select(c => $"'{c}'"));
        var who = clusters.Count == 1 ? $"cluster {named}"
            : clusters.Count <= ClustersNamed ? $"clusters {named}"
            : $"clusters {named} and {clusters.Count - ClustersNamed} more";
        return ValidationErrors.TemplateReadsMissingValue(
            app.Name, template.ChartPath, read.Line, read.Expression, who, at, TreeLayout.ChartFile(app.Name, template.ChartPath));
    }
}
