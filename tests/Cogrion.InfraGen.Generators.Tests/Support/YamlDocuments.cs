using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cogrion.InfraGen.Documents;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cogrion.InfraGen.Generators.Tests.Support;

/// <summary>
/// Reads a values file as Helm would see its data: quoted scalars are strings, plain ones are resolved by the YAML 1.2
/// core schema (null, booleans, integers, floats, else string). Then to JSON, the form a JSON Schema validates.
/// </summary>
public static partial class YamlDocuments
{
    public static DocMap ReadMap(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" }
            ? new DocMap()
            : (DocMap)ToDoc(stream.Documents[0].RootNode);
    }

    public static JsonNode? ToJson(DocNode node) => node switch
    {
        DocMap map => new JsonObject(map.Entries.Select(e => KeyValuePair.Create(e.Key, ToJson(e.Value)))),
        DocSeq seq => new JsonArray([.. seq.Select(ToJson)]),
        DocScalar { Kind: ScalarKind.Null } => null,
        DocScalar { Kind: ScalarKind.Boolean } s => JsonValue.Create(s.Text == "true"),
        DocScalar { Kind: ScalarKind.Integer } s => JsonValue.Create(long.Parse(s.Text, CultureInfo.InvariantCulture)),
        DocScalar { Kind: ScalarKind.Decimal } s => JsonValue.Create(decimal.Parse(s.Text, CultureInfo.InvariantCulture)),
        DocScalar s => JsonValue.Create(s.Text),
        _ => throw new ArgumentOutOfRangeException(nameof(node), node, "Unknown node."),
    };

    private static DocNode ToDoc(YamlNode node) => node switch
    {
        YamlMappingNode map => Map(map),
        YamlSequenceNode seq => Seq(seq),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new InvalidDataException($"Unsupported YAML node at {node.Start}."),
    };

    private static DocMap Map(YamlMappingNode node)
    {
        var map = new DocMap();
        foreach (var (key, value) in node.Children)
        {
            map.Add(((YamlScalarNode)key).Value ?? string.Empty, ToDoc(value));
        }

        return map;
    }

    private static DocSeq Seq(YamlSequenceNode node)
    {
        var seq = new DocSeq();
        foreach (var item in node.Children)
        {
            seq.Add(ToDoc(item));
        }

        return seq;
    }

    private static DocScalar Scalar(YamlScalarNode node)
    {
        var text = node.Value ?? string.Empty;
        if (node.Style != ScalarStyle.Plain)
        {
            return DocScalar.String(text);
        }

        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return DocScalar.Null;
        }

        if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return DocScalar.Boolean(text.StartsWith('t') || text.StartsWith('T'));
        }

        if (CoreInteger().IsMatch(text))
        {
            return DocScalar.Integer(long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        }

        if (CoreFloat().IsMatch(text))
        {
            return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? DocScalar.Decimal(number)
                : throw new InvalidDataException($"'{text}' at {node.Start}: infinity and NaN do not occur in generated values.");
        }

        if (CoreHexOrOctal().IsMatch(text))
        {
            throw new InvalidDataException($"'{text}' at {node.Start}: hex and octal integers do not occur in generated values.");
        }

        return DocScalar.String(text);
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex CoreInteger();

    [GeneratedRegex("^(0o[0-7]+|0x[0-9a-fA-F]+)$")]
    private static partial Regex CoreHexOrOctal();

    [GeneratedRegex(@"^([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.nan|\.NaN|\.NAN)$")]
    private static partial Regex CoreFloat();
}
