using System.Text.Json;
using Json.Schema;

namespace Cogrion.InfraGen.Validation.Schemas;

/// <summary>
/// One keyword of a schema that reads a string's content (<c>pattern</c>, <c>format</c>, <c>enum</c>, a length…),
/// evaluated alone by JsonSchema.Net itself, so its answer for a string is exactly the full schema's answer.
/// </summary>
public sealed class ContentCheck
{
    private readonly Lazy<JsonSchema> _schema;

    internal ContentCheck(string keyword, string valueJson)
    {
        Keyword = keyword;
        _schema = new Lazy<JsonSchema>(() => JsonSchema.FromText(
            $$"""{"$schema":"http://json-schema.org/draft-07/schema#","{{keyword}}":{{valueJson}}}""",
            new BuildOptions { SchemaRegistry = new SchemaRegistry() }));
    }

    /// <summary>The keyword checked.</summary>
    public string Keyword { get; }

    /// <summary>Whether the keyword accepts <paramref name="text"/> as a JSON string.</summary>
    public bool Accepts(string text) =>
        _schema.Value.Evaluate(JsonSerializer.SerializeToElement(text), FlagOnly).IsValid;

    private static readonly EvaluationOptions FlagOnly = new() { OutputFormat = OutputFormat.Flag };
}
