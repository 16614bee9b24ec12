using Cogrion.InfraGen.Documents;

namespace Cogrion.InfraGen.Tests.Validation;

/// <summary>Values of a chart that pins its image by a plain string, the way a hand-written chart would.</summary>
[HelmValues("legacy")]
public partial record LegacyValues
{
    /// <summary>The image.</summary>
    public required LegacyImage Image { get; init; }

    /// <summary>The admin password, inlined (what the secret policy forbids).</summary>
    public string? AdminPassword { get; init; }

    /// <summary>The Secret holding the database password (a reference: allowed).</summary>
    public string ExistingSecret { get; init; } = "legacy-db-secret";
}

/// <summary>An image whose tag is any string.</summary>
public partial record LegacyImage
{
    /// <summary>The repository.</summary>
    public required string Repository { get; init; }

    /// <summary>The tag.</summary>
    public required string Tag { get; init; }
}

/// <summary>
/// A values type written by hand against a hand-written schema that is stricter than the record (at most 5
/// replicas), as a chart with its own values.schema.json would be: the model can break it.
/// </summary>
public sealed class StrictValues : IHelmValues<StrictValues>
{
    public const string Schema = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "type": "object",
          "additionalProperties": false,
          "required": ["replicas"],
          "properties": { "global": { "type": "object" }, "replicas": { "type": "integer", "maximum": 5 } }
        }
        """;

    public required long Replicas { get; init; }

    /// <summary>Where the replicas property is declared, as the generator records it for a [HelmValues] record.</summary>
    public static readonly SourceLocation ReplicasDeclaredAt = new("StrictValues.cs", 7);

    public static HelmValuesInfo ValuesInfo { get; } = new("strict", "Tests.StrictValues", Schema, () => new DocMap(), new SourceLocation("TestValuesTypes.cs", 40))
    {
        PropertyOrigins = new Dictionary<string, SourceLocation> { ["replicas"] = ReplicasDeclaredAt },
    };

    public DocMap ToValuesDocument() => new() { { "replicas", Replicas } };
}

/// <summary>A values type whose hand-written schema is not a JSON Schema at all.</summary>
public sealed class BrokenSchemaValues : IHelmValues<BrokenSchemaValues>
{
    public static HelmValuesInfo ValuesInfo { get; } = new("broken", "Tests.BrokenSchemaValues", """{ "type": 12 """, () => new DocMap(), new SourceLocation("TestValuesTypes.cs", 55));

    public DocMap ToValuesDocument() => new() { { "replicas", 1L } };
}
