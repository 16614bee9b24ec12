namespace Cogrion.InfraGen.Validation.Schemas;

/// <summary>One failed keyword of a schema evaluation.</summary>
/// <param name="Path">Where in the document (keys and indices).</param>
/// <param name="Keyword">The keyword that failed; empty for a <c>false</c> schema (an unknown field).</param>
/// <param name="SchemaPath">The JSON pointer of the failing subschema inside the schema.</param>
/// <param name="Message">JsonSchema.Net's own message.</param>
public sealed record SchemaFinding(IReadOnlyList<string> Path, string Keyword, string SchemaPath, string Message);
