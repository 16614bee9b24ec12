using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Rendering;
using Cogrion.InfraGen.Validation.Schemas;

namespace Cogrion.InfraGen.Validation.Rules;

/// <summary>
/// INFRA2003/INFRA2004: each cluster's values, merged with the chart defaults as Helm merges them, against the
/// chart's own <c>values.schema.json</c> from the tree (what Helm will check on install). Findings point into the
/// file that holds the value: the cluster's values file, or the chart defaults.
/// </summary>
public sealed class ValuesSchemaRule : ITreeRule
{
    public IEnumerable<InfraDiagnostic> Check(TreeFacts facts)
    {
        var problems = new List<InfraDiagnostic>();
        var schemas = new Dictionary<string, CompiledSchema?>(StringComparer.Ordinal);
        foreach (var app in facts.Values.Select(v => v.App.Name).Distinct(StringComparer.Ordinal))
        {
            schemas[app] = Compile(facts, app, problems);
        }

        var found = new List<InfraDiagnostic>[facts.Values.Count];
        Parallel.For(0, facts.Values.Count, i =>
        {
            var view = facts.Values[i];
            found[i] = schemas[view.App.Name] is { } schema ? [.. CheckValues(facts, schema, view)] : [];
        });
        return problems.Concat(found.SelectMany(f => f));
    }

    private static IEnumerable<InfraDiagnostic> CheckValues(TreeFacts facts, CompiledSchema schema, ValuesView view)
    {
        var findings = facts.Verdicts.Evaluate(schema, view.Merged);
        foreach (var (path, pointer, problem, allowed) in SchemaFindingsReport.Explain(schema, view.Merged, findings))
        {
            yield return ValidationErrors.ValuesSchemaViolation(view.App.Name, problem, allowed, view.DeclarationOf(path), view.FileOf(path).Path, pointer);
        }
    }

    private static CompiledSchema? Compile(TreeFacts facts, string app, List<InfraDiagnostic> problems)
    {
        if (!facts.Tree.Files.TryGetValue(TreeLayout.ChartFile(app, "values.schema.json"), out var file))
        {
            return null; // Helm validates nothing then; ClusterCompletenessRule does not require a schema.
        }

        try
        {
            return CompiledSchema.Parse($"chart {app} values", file.Text); // Once per chart per run: nothing to share.
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or Json.Schema.JsonSchemaException or ArgumentException or InvalidOperationException)
        {
            problems.Add(ValidationErrors.BadValuesSchema(app, e.Message, file.Origin, file.Path));
            return null;
        }
    }
}
