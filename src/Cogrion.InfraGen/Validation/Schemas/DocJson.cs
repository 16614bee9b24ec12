using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Cogrion.InfraGen.Documents;

namespace Cogrion.InfraGen.Validation.Schemas;

/// <summary>A document as the JSON value a schema validator reads (YAML and JSON share one data model here).</summary>
public static class DocJson
{
    /// <summary>The document as a standalone <see cref="JsonElement"/>.</summary>
    public static JsonElement ToElement(DocNode document)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, document);
        }

        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        return JsonElement.ParseValue(ref reader);
    }

    /// <summary>
    /// The document's size as compact JSON, in bytes: what <c>kubectl apply</c> (and Argo CD's client-side apply) stores
    /// in the last-applied-configuration annotation, whose limit is 262,144 bytes.
    /// </summary>
    public static int ByteCount(DocNode document)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, document);
        }

        return buffer.WrittenCount;
    }

    private static void Write(Utf8JsonWriter writer, DocNode node)
    {
        switch (node)
        {
            case DocMap map:
                writer.WriteStartObject();
                foreach (var (key, value) in map)
                {
                    writer.WritePropertyName(key);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case DocSeq seq:
                writer.WriteStartArray();
                foreach (var item in seq)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case DocScalar scalar:
                switch (scalar.Kind)
                {
                    case ScalarKind.String: writer.WriteStringValue(scalar.Text); break;
                    case ScalarKind.Integer: writer.WriteNumberValue(long.Parse(scalar.Text, CultureInfo.InvariantCulture)); break;
                    case ScalarKind.Decimal: writer.WriteNumberValue(decimal.Parse(scalar.Text, CultureInfo.InvariantCulture)); break;
                    case ScalarKind.Boolean: writer.WriteBooleanValue(scalar.Text == "true"); break;
                    default: writer.WriteNullValue(); break;
                }

                break;
        }
    }
}
