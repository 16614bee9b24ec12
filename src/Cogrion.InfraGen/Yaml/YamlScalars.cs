using System.Text;
using System.Text.RegularExpressions;

namespace Cogrion.InfraGen.Yaml;

/// <summary>
/// Decides how a string is written so that every YAML 1.1 and 1.2 reader reads back the same string:
/// plain when no reader could take it for anything else, double-quoted (with escapes) otherwise.
/// </summary>
public static partial class YamlScalars
{
    // Words some YAML 1.1 or 1.2 reader resolves to null or a boolean (compared ignoring case, to be safe).
    private static readonly HashSet<string> SpecialWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "~", "null", "true", "false", "yes", "no", "y", "n", "on", "off", "=", "<<",
    };

    private static readonly int LongestSpecialWord = SpecialWords.Max(w => w.Length);

    private const string LeadingIndicators = "-?:,[]{}#&*!|>'\"%@`";

    /// <summary>Appends <paramref name="value"/> as a plain or double-quoted scalar.</summary>
    public static void AppendString(StringBuilder output, string value)
    {
        if (CanBePlain(value))
        {
            output.Append(value);
        }
        else
        {
            AppendDoubleQuoted(output, value);
        }
    }

    /// <summary>Whether a string can be written without quotes and still read back as the same string everywhere.</summary>
    public static bool CanBePlain(string value)
    {
        if (value.Length == 0 || LeadingIndicators.Contains(value[0]) || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            return false;
        }

        if (value[^1] == ':' || value.Contains(": ", StringComparison.Ordinal) || value.Contains(" #", StringComparison.Ordinal))
        {
            return false;
        }

        // "..." at the start of a line ends the document ("--- " starts one, but '-' is an indicator anyway). And
        // YamlDotNet (18.x) fails on a map's first key holding " *" (it scans an alias), though YAML allows it there.
        if (value.StartsWith("...", StringComparison.Ordinal) || value.Contains(" *", StringComparison.Ordinal))
        {
            return false;
        }

        // One pass of plain comparisons: the framework's IndexOfAnyExceptInRange it replaces boxed every character it
        // compared in this program (45 MB at 1,000 clusters, in an allocation trace of the ReadyToRun program).
        // A printable ASCII character only matters when it is a flow indicator; of the others, ' ' is the only
        // whitespace there is.
        foreach (var c in value)
        {
            if (c is ',' or '[' or ']' or '{' or '}' || (c is < ' ' or > '~' && (NeedsEscape(c) || char.IsWhiteSpace(c))))
            {
                return false;
            }
        }

        return !(value.Length <= LongestSpecialWord && SpecialWords.Contains(value)) && !LooksLikeNumberOrDate(value);
    }

    /// <summary>Numbers in either YAML version (ints, octal, hex, floats, sexagesimal, .inf, .nan) and 1.1 timestamps.</summary>
    private static bool LooksLikeNumberOrDate(string value)
    {
        var start = value[0] is '+' or '-' ? 1 : 0;
        if (start == value.Length)
        {
            return false;
        }

        if (value[start] == '.' && InfinityOrNaN().IsMatch(value))
        {
            return true;
        }

        if (!(char.IsAsciiDigit(value[start]) || value[start] == '.'))
        {
            return false;
        }

        if (Timestamp().IsMatch(value))
        {
            return true;
        }

        // Over-approximates: anything made only of number characters is quoted ("1.2.3" too), which is always safe.
        for (var i = start; i < value.Length; i++)
        {
            if (!IsNumberChar(value[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsNumberChar(char c) =>
        char.IsAsciiHexDigit(c) || c is '.' or '_' or ':' or '+' or '-' or 'x' or 'X' or 'o' or 'O';

    /// <summary>Characters that cannot stand unescaped in a plain scalar.</summary>
    private static bool NeedsEscape(char c) =>
        c < 0x20 || c is '\u007f' or '\u2028' or '\u2029' or '\ufeff' or '\ufffe' or '\uffff' || (c >= 0x80 && c <= 0x9f) || char.IsSurrogate(c);

    /// <summary>Appends a double-quoted scalar; throws <see cref="YamlRenderException"/> for text no YAML can carry.</summary>
    public static void AppendDoubleQuoted(StringBuilder output, string value)
    {
        output.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': output.Append("\\\""); break;
                case '\\': output.Append("\\\\"); break;
                case '\0': output.Append("\\0"); break;
                case '\a': output.Append("\\a"); break;
                case '\b': output.Append("\\b"); break;
                case '\t': output.Append("\\t"); break;
                case '\n': output.Append("\\n"); break;
                case '\v': output.Append("\\v"); break;
                case '\f': output.Append("\\f"); break;
                case '\r': output.Append("\\r"); break;
                case '\u001b': output.Append("\\e"); break;
                case '\u0085': output.Append("\\N"); break;
                case '\u2028': output.Append("\\L"); break;
                case '\u2029': output.Append("\\P"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        output.Append(c).Append(value[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        throw new YamlRenderException(
                            $"an unpaired UTF-16 surrogate (U+{(int)c:X4}) at character {i}: it is not a Unicode character and cannot be written as UTF-8");
                    }
                    else if (c < 0x20 || c == '\u007f' || (c >= 0x80 && c <= 0x9f))
                    {
                        output.Append("\\x").Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else if (c is '\ufeff' or '\ufffe' or '\uffff')
                    {
                        output.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        output.Append(c);
                    }

                    break;
            }
        }

        output.Append('"');
    }

    [GeneratedRegex(@"^[-+]?\.(inf|nan)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InfinityOrNaN();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}", RegexOptions.CultureInvariant)]
    private static partial Regex Timestamp();
}

/// <summary>
/// A value that YAML cannot carry (an unpaired surrogate), with where it is in the document, so the pipeline can name
/// the file, the JSON pointer and the model property that holds it.
/// </summary>
public sealed class YamlRenderException : Exception
{
    /// <summary>A problem with a scalar; the writer adds where it is.</summary>
    public YamlRenderException(string reason)
        : this(reason, [], inKey: false, document: 0)
    {
    }

    private YamlRenderException(string reason, IReadOnlyList<string> path, bool inKey, int document)
        : base(reason)
    {
        Path = path;
        InKey = inKey;
        Document = document;
    }

    /// <summary>The keys and sequence indices from the document root to the scalar, outermost first.</summary>
    public IReadOnlyList<string> Path { get; }

    /// <summary>True when the scalar is the map key named last in <see cref="Path"/>, not a value.</summary>
    public bool InKey { get; }

    /// <summary>The index of the document in a multi-document file.</summary>
    public int Document { get; }

    internal YamlRenderException InKeyOf(string key) => new(Message, [key], inKey: true, Document);

    internal YamlRenderException Under(string segment) => new(Message, [segment, .. Path], InKey, Document);

    internal YamlRenderException InDocument(int document) => new(Message, Path, InKey, document);
}
