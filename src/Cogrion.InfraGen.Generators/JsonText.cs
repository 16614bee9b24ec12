using System.Globalization;
using System.Text;

namespace Cogrion.InfraGen.Generators;

/// <summary>A small indented JSON writer (netstandard2.0 generators carry no System.Text.Json). Output is stable byte for byte.</summary>
internal sealed class JsonText
{
    private readonly StringBuilder _text = new();
    private int _indent;
    private bool _first = true;

    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                default:
                    if (c < 0x20 || c is '\u2028' or '\u2029')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    public JsonText StartObject(string? key = null) => Open(key, '{');

    public JsonText EndObject() => Close('}');

    public JsonText StartArray(string? key = null) => Open(key, '[');

    public JsonText EndArray() => Close(']');

    public JsonText String(string key, string value) => Raw(key, Quote(value));

    public JsonText Raw(string? key, string json)
    {
        Separator();
        if (key is not null)
        {
            _text.Append(Quote(key)).Append(": ");
        }

        _text.Append(json);
        return this;
    }

    public JsonText StringArray(string key, System.Collections.Generic.IEnumerable<string> values)
    {
        StartArray(key);
        foreach (var value in values)
        {
            Raw(null, Quote(value));
        }

        return EndArray();
    }

    public override string ToString() => _text.ToString() + "\n";

    private JsonText Open(string? key, char bracket)
    {
        Raw(key, bracket.ToString());
        _indent++;
        _first = true;
        return this;
    }

    private JsonText Close(char bracket)
    {
        _indent--;
        if (!_first)
        {
            NewLine();
        }

        _text.Append(bracket);
        _first = false;
        return this;
    }

    private void Separator()
    {
        if (_text.Length == 0)
        {
            return;
        }

        if (!_first)
        {
            _text.Append(',');
        }

        NewLine();
        _first = false;
    }

    private void NewLine() => _text.Append('\n').Append(' ', _indent * 2);
}
