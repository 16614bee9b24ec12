using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;
using Json.Schema.Keywords;

namespace Cogrion.InfraGen.Validation.Schemas;

/// <summary>
/// One keyword of a schema that reads a string's content (<c>pattern</c>, <c>format</c>, <c>enum</c>, a length…),
/// evaluated alone by JsonSchema.Net itself, so its answer for a string is exactly the full schema's answer.
/// A <c>pattern</c> is answered by the very <see cref="Regex"/> JsonSchema.Net built for it (the common case, and
/// a hundred times cheaper than an evaluation).
/// </summary>
public sealed class ContentCheck
{
    private static readonly EvaluationOptions FlagOnly = new() { OutputFormat = OutputFormat.Flag };

    private readonly Lazy<(JsonSchema Schema, Regex? Pattern)> _built;

    /// <summary>The check of one keyword and value (its JSON text), built the first time it answers.</summary>
    public ContentCheck(string keyword, string valueJson)
    {
        Keyword = keyword;
        _built = new Lazy<(JsonSchema, Regex?)>(() =>
        {
            var schema = JsonSchema.FromText(
                $$"""{"$schema":"http://json-schema.org/draft-07/schema#","{{keyword}}":{{valueJson}}}""",
                new BuildOptions { SchemaRegistry = new SchemaRegistry() });
            var pattern = schema.Root.Keywords.FirstOrDefault(k => k.Handler is PatternKeyword)?.Value as Regex;
            return (schema, pattern);
        });
    }

    /// <summary>The keyword checked.</summary>
    public string Keyword { get; }

    /// <summary>Whether the keyword accepts <paramref name="text"/> as a JSON string.</summary>
    public bool Accepts(string text)
    {
        var (schema, pattern) = _built.Value;
        return pattern?.IsMatch(text) ?? schema.Evaluate(JsonSerializer.SerializeToElement(text), FlagOnly).IsValid;
    }
}
