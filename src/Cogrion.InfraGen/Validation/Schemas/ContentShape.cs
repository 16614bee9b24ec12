using System.Text.Json;

namespace Cogrion.InfraGen.Validation.Schemas;

/// <summary>
/// Which strings of a document a schema reads, worked out once from the schema: at each place of a document,
/// the keywords that look at a string's content (pattern, format, enum, const, lengths). Everything else a
/// draft-07 schema checks depends only on the document's structure: keys, kinds, numbers, booleans, counts.
/// So two documents with the same structure, and the same answer to every content check, get the same verdict,
/// and the validator evaluates one of them (<see cref="ShapeSignature"/>). Anything this analysis does not model
/// (<c>$ref</c>, <c>patternProperties</c>, <c>uniqueItems</c>, <c>contains</c>, tuple <c>items</c>, an enum
/// of objects) makes the whole subtree significant, which is always safe.
/// </summary>
public sealed class ContentShape
{
    private static readonly string[] ContentKeywords = ["pattern", "format", "minLength", "maxLength", "enum", "const", "contentEncoding", "contentMediaType"];
    private static readonly string[] UnmodeledKeywords = ["$ref", "$recursiveRef", "$dynamicRef", "patternProperties", "uniqueItems", "contains", "additionalItems", "unevaluatedProperties", "unevaluatedItems"];
    private static readonly string[] InPlaceArrays = ["allOf", "anyOf", "oneOf"];
    private static readonly string[] InPlaceObjects = ["not", "if", "then", "else"];

    private readonly Dictionary<string, ContentShape>? _properties;
    private readonly ContentShape? _additional;
    private readonly ContentShape? _items;

    private ContentShape(bool whole, ContentCheck[] checks, Dictionary<string, ContentShape>? properties, ContentShape? additional, ContentShape? items)
    {
        IsWhole = whole;
        Checks = checks;
        _properties = properties;
        _additional = additional;
        _items = items;
    }

    /// <summary>Nothing here or below is read: any string will do.</summary>
    public static ContentShape Free { get; } = new(false, [], null, null, null);

    /// <summary>Everything here and below is significant, strings included.</summary>
    public static ContentShape Whole { get; } = new(true, [], null, null, null);

    /// <summary>Whether everything here and below is significant.</summary>
    public bool IsWhole { get; }

    /// <summary>The content checks that apply to a string at this place.</summary>
    public IReadOnlyList<ContentCheck> Checks { get; }

    /// <summary>The shape under a key of a map here.</summary>
    public ContentShape Property(string key) =>
        IsWhole ? this : _properties is not null && _properties.TryGetValue(key, out var shape) ? shape : _additional ?? Free;

    /// <summary>The shape of an item of a list here.</summary>
    public ContentShape Item => IsWhole ? this : _items ?? Free;

    /// <summary>Analyses a schema (no <c>$ref</c>s are followed: a schema with one is significant where it is).</summary>
    public static ContentShape Of(JsonElement schema) => Build([schema]);

    private static ContentShape Build(List<JsonElement> schemas)
    {
        var applicable = new List<JsonElement>();
        foreach (var schema in schemas)
        {
            Expand(schema, applicable);
        }

        if (applicable.Count == 0)
        {
            return Free;
        }

        var checks = new List<ContentCheck>();
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        var additional = new List<JsonElement>();
        var items = new List<JsonElement>();
        foreach (var schema in applicable)
        {
            if (UnmodeledKeywords.Any(k => schema.TryGetProperty(k, out _))
                || schema.TryGetProperty("items", out var tuple) && tuple.ValueKind == JsonValueKind.Array
                || HasCompositeValue(schema, "enum") || HasCompositeValue(schema, "const"))
            {
                return Whole;
            }

            foreach (var keyword in ContentKeywords)
            {
                if (schema.TryGetProperty(keyword, out var value))
                {
                    checks.Add(new ContentCheck(keyword, value.GetRawText()));
                }
            }

            if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in properties.EnumerateObject())
                {
                    keys.Add(property.Name);
                }
            }

            if (schema.TryGetProperty("additionalProperties", out var more) && more.ValueKind == JsonValueKind.Object)
            {
                additional.Add(more);
            }

            if (schema.TryGetProperty("items", out var item) && item.ValueKind == JsonValueKind.Object)
            {
                items.Add(item);
            }
        }

        Dictionary<string, ContentShape>? children = null;
        foreach (var key in keys)
        {
            // Under a key, a schema applies its properties entry, or else its additionalProperties.
            var under = new List<JsonElement>();
            foreach (var schema in applicable)
            {
                if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
                    && properties.TryGetProperty(key, out var declared))
                {
                    under.Add(declared);
                }
                else if (schema.TryGetProperty("additionalProperties", out var more) && more.ValueKind == JsonValueKind.Object)
                {
                    under.Add(more);
                }
            }

            (children ??= new Dictionary<string, ContentShape>(StringComparer.Ordinal))[key] = Build(under);
        }

        var additionalShape = Build(additional);
        var itemShape = Build(items);
        if (checks.Count == 0 && children is null && additionalShape == Free && itemShape == Free)
        {
            return Free;
        }

        return new ContentShape(false, [.. checks], children, additionalShape, itemShape);
    }

    /// <summary>Adds a schema and every subschema that applies to the same place (allOf, anyOf, oneOf, not, if/then/else, schema dependencies).</summary>
    private static void Expand(JsonElement schema, List<JsonElement> applicable)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return; // true and false schemas read nothing: false fails whatever the content.
        }

        applicable.Add(schema);
        foreach (var keyword in InPlaceArrays)
        {
            if (schema.TryGetProperty(keyword, out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var branch in list.EnumerateArray())
                {
                    Expand(branch, applicable);
                }
            }
        }

        foreach (var keyword in InPlaceObjects)
        {
            if (schema.TryGetProperty(keyword, out var branch))
            {
                Expand(branch, applicable);
            }
        }

        if (schema.TryGetProperty("dependencies", out var dependencies) && dependencies.ValueKind == JsonValueKind.Object)
        {
            foreach (var dependency in dependencies.EnumerateObject())
            {
                Expand(dependency.Value, applicable);
            }
        }
    }

    /// <summary>An enum or const holding a map or a list compares whole subtrees: this analysis does not model that.</summary>
    private static bool HasCompositeValue(JsonElement schema, string keyword) =>
        schema.TryGetProperty(keyword, out var value) && (value.ValueKind is JsonValueKind.Object
            || value.ValueKind == JsonValueKind.Array && (keyword == "const" || value.EnumerateArray().Any(v => v.ValueKind is JsonValueKind.Object or JsonValueKind.Array)));
}
