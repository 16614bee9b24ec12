using System.Globalization;
using System.Text.Json;
using Cogrion.InfraGen.Documents;

namespace Cogrion.InfraGen.Validation.Schemas;

/// <summary>
/// Turns the findings at one place of a document into what is wrong and what is allowed, from the schema's own
/// keywords and the document's actual value (so a verdict shared by many documents still names each one's value).
/// </summary>
public static class SchemaExplanation
{
    private const int MaxListed = 25;

    /// <summary>The problem and what is allowed, for findings that share one <see cref="SchemaFinding.Path"/>.</summary>
    public static (string Problem, string Allowed) Explain(CompiledSchema schema, DocNode document, IReadOnlyList<SchemaFinding> findings)
    {
        // A failed anyOf/oneOf is explained by its branches' failures when they are here too.
        var specific = findings.Where(f => f.Keyword is not ("anyOf" or "oneOf" or "allOf")).ToList();
        var explained = (specific.Count > 0 ? specific : findings).Select(f => Explain(schema, document, f)).Distinct().ToList();
        var problem = string.Join("; ", explained.Select(e => e.Problem).Distinct(StringComparer.Ordinal));
        var allowed = string.Join(" or ", explained.Select(e => e.Allowed).Distinct(StringComparer.Ordinal));
        return (problem, allowed);
    }

    private static (string Problem, string Allowed) Explain(CompiledSchema schema, DocNode document, SchemaFinding finding)
    {
        var value = DocPointer.Find(document, finding.Path);
        var shown = DocPointer.Show(value);
        var subschema = schema.At(finding.SchemaPath);
        string Keyword() => subschema is { } s && s.ValueKind == JsonValueKind.Object && s.TryGetProperty(finding.Keyword, out var k) ? k.GetRawText() : "?";

        switch (finding.Keyword)
        {
            case "":
                var field = finding.Path.Count > 0 ? finding.Path[^1] : "";
                var parent = schema.At(string.Join('/', finding.SchemaPath.Split('/').SkipLast(1)));
                return ($"'{field}' is not a field here", "the fields " + Fields(parent));
            case "type":
                return ($"{shown} has the wrong type", "a value of type " + Keyword().Replace("\"", "", StringComparison.Ordinal));
            case "required":
                var present = value as DocMap;
                var required = subschema?.GetProperty("required").EnumerateArray().Select(e => e.GetString()!).ToList() ?? [];
                var missing = required.Where(r => present is null || !present.TryGet(r, out _)).ToList();
                return ($"required field{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing.Select(m => $"'{m}'"))} missing", "an object with " + string.Join(", ", required));
            case "pattern":
                return ($"{shown} does not match the pattern", "a string matching " + Keyword());
            case "enum":
                return ($"{shown} is not one of the allowed values", "one of " + Keyword());
            case "const":
                return ($"{shown} is not the required value", "exactly " + Keyword());
            case "format":
                return ($"{shown} is not of the required format", "a value of format " + Keyword());
            case "minLength" or "maxLength" or "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum"
                or "minItems" or "maxItems" or "minProperties" or "maxProperties" or "multipleOf":
                return ($"{shown} breaks {finding.Keyword}", $"{finding.Keyword} {Keyword()}");
            case "anyOf" or "oneOf":
                return ($"{shown} matches {(finding.Keyword == "anyOf" ? "none" : "not exactly one")} of the allowed forms", $"one form of the schema at {finding.SchemaPath}/{finding.Keyword}");
            default:
                return ($"{shown}: {finding.Message}", string.Create(CultureInfo.InvariantCulture, $"what the schema at {finding.SchemaPath} allows"));
        }
    }

    private static string Fields(JsonElement? schema)
    {
        if (schema is not { ValueKind: JsonValueKind.Object } s || !s.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return "(none)";
        }

        var names = properties.EnumerateObject().Select(p => p.Name).ToList();
        return string.Join(", ", names.Take(MaxListed)) + (names.Count > MaxListed ? $", … ({names.Count} in all)" : string.Empty);
    }
}
