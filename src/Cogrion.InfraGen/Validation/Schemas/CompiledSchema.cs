using System.Text.Json;
using Cogrion.InfraGen.Documents;
using Json.Schema;

namespace Cogrion.InfraGen.Validation.Schemas;

/// <summary>A JSON Schema built once (JsonSchema.Net), with its text kept to explain failures and its content shape.</summary>
public sealed class CompiledSchema
{
    private static readonly EvaluationOptions Hierarchical = new() { OutputFormat = OutputFormat.Hierarchical };

    private readonly JsonSchema _schema;
    private readonly JsonElement _root;

    private CompiledSchema(string title, JsonSchema schema, JsonElement root)
    {
        Title = title;
        _schema = schema;
        _root = root;
        Shape = ContentShape.Of(root);
    }

    /// <summary>What the schema validates, for messages (<c>Argo CD Application (argoproj.io/v1alpha1)</c>).</summary>
    public string Title { get; }

    /// <summary>Which strings the schema reads.</summary>
    public ContentShape Shape { get; }

    /// <summary>Builds a schema from its text; throws <see cref="JsonException"/> or JsonSchema.Net's exceptions when it is not one.</summary>
    public static CompiledSchema Parse(string title, string text) => Parse(title, text, kubernetes: false);

    /// <summary>
    /// As <see cref="Parse(string, string)"/>; with <paramref name="kubernetes"/>, a Kubernetes OpenAPI schema (a core
    /// kind's, a CRD's <c>openAPIV3Schema</c>): draft 2020-12 keywords, Kubernetes' own <c>x-kubernetes-*</c> extensions
    /// allowed (they carry no validation JSON Schema can do) and its <c>$schema</c> placeholder ignored.
    /// </summary>
    public static CompiledSchema Parse(string title, string text, bool kubernetes)
    {
        if (kubernetes && System.Text.Json.Nodes.JsonNode.Parse(text) is System.Text.Json.Nodes.JsonObject node && node.Remove("$schema"))
        {
            text = node.ToJsonString();
        }

        var root = JsonSerializer.Deserialize<JsonElement>(text);
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        if (kubernetes)
        {
            options.Dialect = Dialect.Draft202012;
        }

        var schema = JsonSchema.Build(root, options);
        return new CompiledSchema(title, schema, root);
    }

    /// <summary>Every failed keyword, only from subschemas that failed (a passing anyOf branch's errors are not errors).</summary>
    public IReadOnlyList<SchemaFinding> Evaluate(DocNode document)
    {
        var results = _schema.Evaluate(DocJson.ToElement(document), Hierarchical);
        var findings = new List<SchemaFinding>();
        Collect(results, findings);
        return findings;
    }

    private static void Collect(EvaluationResults results, List<SchemaFinding> findings)
    {
        // A failing "if" only selects "else", and "not" inverts its subschema: neither subtree is an error itself.
        var evaluationPath = results.EvaluationPath.ToString();
        if (results.IsValid || evaluationPath.EndsWith("/if", StringComparison.Ordinal) || evaluationPath.EndsWith("/not", StringComparison.Ordinal))
        {
            return;
        }

        if (results.Errors is not null)
        {
            var path = Segments(results.InstanceLocation.ToString());
            foreach (var (keyword, message) in results.Errors)
            {
                findings.Add(new SchemaFinding(path, keyword, evaluationPath, message));
            }
        }

        foreach (var detail in results.Details ?? [])
        {
            Collect(detail, findings);
        }
    }

    /// <summary>The subschema (or keyword value) at a JSON pointer of the schema, if there is one.</summary>
    public JsonElement? At(string pointer)
    {
        var node = _root;
        foreach (var segment in Segments(pointer))
        {
            if (node.ValueKind == JsonValueKind.Object && node.TryGetProperty(segment, out var child))
            {
                node = child;
            }
            else if (node.ValueKind == JsonValueKind.Array && int.TryParse(segment, out var index) && index >= 0 && index < node.GetArrayLength())
            {
                node = node[index];
            }
            else
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>The unescaped segments of a JSON pointer.</summary>
    public static IReadOnlyList<string> Segments(string pointer) =>
        pointer.Length == 0 || pointer == "#"
            ? []
            : [.. pointer.TrimStart('#').Split('/').Skip(1).Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];
}
