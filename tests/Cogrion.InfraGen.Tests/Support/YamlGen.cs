using System.Globalization;
using System.Text;
using Cogrion.InfraGen.Documents;
using CsCheck;

namespace Cogrion.InfraGen.Tests.Support;

/// <summary>
/// Generators of hostile documents for the YAML writer's property tests: strings built from the pieces YAML readers
/// treat specially (indicators, comments, line breaks of YAML 1.1 and 1.2, control characters, BOMs, non-characters,
/// characters outside the basic plane, YAML 1.1 booleans, numbers and dates), very long strings and keys, integers,
/// decimals, booleans, nulls, and nested maps and lists of them.
/// </summary>
public static class YamlGen
{
    private static readonly string[] Pieces =
    [
        "a", "b", "z", "A", "Q", "x", "0", "1", "9", "_", ".", "/", "\\", "=", "<", "~", "+", ";", "^", "$", "(", ")",
        "-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`",
        " ", "  ", "\t", "\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029",
        "\0", "\a", "\b", "\v", "\f", "\u001b", "\u001f", "\u007f", "\u0080", "\u009f",
        "é", "ı", "İ", "ß", "ü", "日", "本", "Ω", "\u00a0", "\u3000", "\u200b", "\ufeff", "\ufffe", "\uffff", "\ufffd",
        "😀", "𝄞", "\U0010ffff",
        ": ", " #", "# ", "- ", "? ", "---", "...", "&a", "*a", "!!str", "0x", "1_0", ".inf", "e3", "{{ .Values.x }}",
    ];

    /// <summary>Whole strings some YAML 1.1 or 1.2 reader resolves to another type, or that start a document line.</summary>
    private static readonly string[] Words =
    [
        "", "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N",
        "true", "True", "TRUE", "false", "False", "FALSE", "~", "null", "Null", "NULL", "=", "<<",
        "0", "-0", "+1", "-1", "012", "0o17", "0x1F", "0b101", "1_000", "1:20", "190:20:30", "1e3", "1E+3", "-1.5e-3",
        ".5", "1.", "+.5", ".inf", "-.Inf", "+.INF", ".nan", ".NaN", "2001-12-14", "2001-12-14t21:59:43.10-05:00",
        "2001-12-14 21:59:43.10 -5", "1.2.3", "---", "...", "... x", "--- x", "- x", "? x", ": x", "#x", "!x", "&x", "*x",
        "|", ">", "%YAML", "@x", "`x", "'q'", "\"q\"", "a: b", "a:", "a #b", "a#b", "a:b", "sha-a1b2c3d", "250m", "512Mi",
    ];

    private static readonly string[] Decorations = [" ", "  ", "\t", "\n", "\r\n", "#", " #x", ": ", ":", "-", "'", "\"", "\u00a0", "\ufeff"];

    /// <summary>Any string a model could hold that is valid Unicode (surrogates only in pairs).</summary>
    public static Gen<string> Text { get; } = Gen.Frequency(
        (4, Gen.OneOf(Pieces).Array[0, 12].Select(string.Concat)),
        (3, Gen.OneOf(Words)),
        (2, Gen.Select(Gen.OneOf(Decorations), Gen.OneOf(Words), Gen.OneOf(Decorations), Gen.Int[0, 2],
            (before, word, after, where) => where switch { 0 => before + word, 1 => word + after, _ => before + word + after })),
        (1, Gen.Select(Gen.OneOf(Pieces).Array[1, 4], Gen.Int[900, 3000], (unit, length) => Repeat(string.Concat(unit), length))));

    /// <summary>A string with one unpaired UTF-16 surrogate somewhere in it: no YAML (and no UTF-8) can carry it.</summary>
    public static Gen<(string Text, char Surrogate)> BrokenText { get; } =
        Gen.Select(Text, Gen.Char['\ud800', '\udfff'], Gen.Int[0, 100], (text, surrogate, at) =>
        {
            var split = Math.Min(at, text.Length);
            if (split > 0 && char.IsHighSurrogate(text[split - 1]))
            {
                split--; // Never between the halves of a pair, which would leave a second lone surrogate.
            }

            // A neighbour that would pair with the lone one is kept apart by a letter.
            return (text[..split] + "x" + surrogate + "x" + text[split..], surrogate);
        });

    /// <summary>A scalar of every kind.</summary>
    public static Gen<DocNode> Scalar { get; } = Gen.Frequency(
        (6, Text.Select(t => (DocNode)DocScalar.String(t))),
        (1, Gen.Long.Select(l => (DocNode)DocScalar.Integer(l))),
        (1, Gen.Int.Select(i => (DocNode)DocScalar.Integer(i))),
        (1, Gen.Decimal.Select(d => (DocNode)DocScalar.Decimal(d))),
        (1, Gen.Bool.Select(b => (DocNode)DocScalar.Boolean(b))),
        (1, Gen.Const((DocNode)DocScalar.Null)));

    /// <summary>A document: a scalar, or maps and lists nested up to four levels, empty ones included.</summary>
    public static Gen<DocNode> Document { get; } = Node(4);

    /// <summary>A map at the top, as every generated YAML file has.</summary>
    public static Gen<DocMap> Map { get; } = MapOf(Node(3));

    private static Gen<DocNode> Node(int depth) => depth == 0
        ? Scalar
        : Gen.Frequency(
            (3, Scalar),
            (1, MapOf(Node(depth - 1)).Select(m => (DocNode)m)),
            (1, Node(depth - 1).Array[0, 4].Select(items => (DocNode)Seq(items))));

    private static Gen<DocMap> MapOf(Gen<DocNode> values) =>
        Gen.Select(Text, values).Array[0, 5].Select(entries =>
        {
            var map = new DocMap();
            foreach (var (key, value) in entries)
            {
                if (!map.TryGet(key, out _))
                {
                    map.Add(key, value);
                }
            }

            return map;
        });

    private static DocSeq Seq(IEnumerable<DocNode> items)
    {
        var seq = new DocSeq();
        foreach (var item in items)
        {
            seq.Add(item);
        }

        return seq;
    }

    private static string Repeat(string unit, int length)
    {
        var text = new StringBuilder(length + unit.Length);
        while (text.Length < length)
        {
            text.Append(unit);
        }

        return text.ToString();
    }

    /// <summary>A document as C#-like text for a failure message: strings quoted, every unusual character escaped.</summary>
    public static string Show(DocNode node) => node switch
    {
        DocMap map => "{ " + string.Join(", ", map.Entries.Select(e => Show(e.Key) + ": " + Show(e.Value))) + " }",
        DocSeq seq => "[ " + string.Join(", ", seq.Select(Show)) + " ]",
        DocScalar { Kind: ScalarKind.String } s => Show(s.Text),
        DocScalar s => $"{s.Kind}({s.Text})",
        _ => "?",
    };

    /// <summary>A string quoted, with every character outside printable ASCII as <c>\uXXXX</c>; long ones shortened.</summary>
    public static string Show(string text)
    {
        var shown = new StringBuilder("\"");
        foreach (var c in text.Length > 120 ? text[..120] : text)
        {
            if (c is >= ' ' and <= '~' and not '"' and not '\\')
            {
                shown.Append(c);
            }
            else
            {
                shown.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
        }

        return shown.Append(text.Length > 120 ? $"\"…({text.Length} chars)" : "\"").ToString();
    }
}
