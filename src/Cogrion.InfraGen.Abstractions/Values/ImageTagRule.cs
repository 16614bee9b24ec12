using System.Text;

namespace Cogrion.InfraGen;

/// <summary>
/// The one image tag rule: <c>sha-</c> and 7 to 40 lower-case hex digits, the whole text and nothing after it.
/// </summary>
/// <remarks>
/// Also compiled into the source generator (linked file, as <see cref="DnsLabel"/> is), so the IDE diagnostic
/// (INFRA0001), the check of <c>releases.yaml</c> (INFRA1101), <c>set-image</c>'s <c>--tag</c> and the output policy
/// (INFRA2201) agree. A character loop, not a regular expression: .NET's <c>$</c> also matches before a final line
/// break, which let <c>"sha-a1b2c3d\n"</c> through. Plain C# that compiles for netstandard2.0 too.
/// </remarks>
internal static class ImageTagRule
{
    private const string Prefix = "sha-";

    /// <summary>What a valid tag looks like, for error messages.</summary>
    public const string Rule = "sha- followed by 7 to 40 lower-case hex digits of a git commit (sha-a1b2c3d)";

    private const string Expected = "use " + Rule;

    /// <summary>Whether <paramref name="tag"/> is, as a whole, <c>sha-</c> and 7 to 40 lower-case hex digits.</summary>
    public static bool IsValid(string? tag)
    {
        if (tag is null)
        {
            return false;
        }

        var digits = tag.Length - Prefix.Length;
        if (digits < 7 || digits > 40 || !tag.StartsWith(Prefix, System.StringComparison.Ordinal))
        {
            return false;
        }

        for (var i = Prefix.Length; i < tag.Length; i++)
        {
            if (tag[i] is not (>= '0' and <= '9' or >= 'a' and <= 'f'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Why <paramref name="tag"/> may not be deployed, or null when it is a pinned tag.</summary>
    public static string? Problem(string? tag)
    {
        if (tag is null || tag.Length == 0)
        {
            return "an empty tag deploys whatever the registry calls latest; " + Expected;
        }

        if (string.Equals(tag, "latest", System.StringComparison.OrdinalIgnoreCase))
        {
            return "it moves with every push, so a sync can deploy an image nobody reviewed; " + Expected;
        }

        if (IsValid(tag))
        {
            return null;
        }

        foreach (var c in tag)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return "it holds whitespace or a line break (" + Quote(tag) + "); " + Expected;
            }
        }

        return Expected;
    }

    /// <summary>
    /// <paramref name="text"/> as error messages show it: in single quotes, with line breaks and other control
    /// characters escaped (<c>'sha-a1b2c3d\n'</c>), so a message stays one line and shows what is wrong.
    /// </summary>
    public static string Quote(string? text)
    {
        var shown = new StringBuilder("'");
        foreach (var c in text ?? string.Empty)
        {
            switch (c)
            {
                case '\n': shown.Append("\\n"); break;
                case '\r': shown.Append("\\r"); break;
                case '\t': shown.Append("\\t"); break;
                default:
                    if (char.IsControl(c))
                    {
                        shown.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        shown.Append(c);
                    }

                    break;
            }
        }

        return shown.Append('\'').ToString();
    }
}
