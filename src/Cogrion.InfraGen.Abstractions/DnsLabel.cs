using System.Globalization;

namespace Cogrion.InfraGen;

/// <summary>The RFC 1123 label rule Kubernetes applies to names (and this tool to cluster, app and chart names).</summary>
/// <remarks>
/// Also compiled into the source generator (linked file), so the IDE diagnostic and the build error agree.
/// A label can never contain '/', '.' or "..", so a valid name can never leave the output tree.
/// </remarks>
public static class DnsLabel
{
    /// <summary>The longest label Kubernetes accepts.</summary>
    public const int MaxLength = 63;

    /// <summary>What a valid label looks like, for error messages.</summary>
    public const string Rule =
        "a DNS-1123 label: 1 to 63 characters, lower-case letters a-z, digits 0-9 and '-', starting and ending with a letter or digit";

    /// <summary>What keeps <paramref name="value"/> from being a DNS-1123 label, for an error message; null when it is one.</summary>
    public static string? Problem(string? value)
    {
        if (value is null || value.Length == 0)
        {
            return "it is empty";
        }

        if (value.Length > MaxLength)
        {
            var over = value.Length - MaxLength;
            return $"it is {value.Length.ToString(CultureInfo.InvariantCulture)} characters long, {over.ToString(CultureInfo.InvariantCulture)} more than the {MaxLength.ToString(CultureInfo.InvariantCulture)} allowed";
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9' || (c == '-' && i > 0 && i < value.Length - 1))
            {
                continue;
            }

            var position = (i + 1).ToString(CultureInfo.InvariantCulture);
            return c == '-'
                ? $"it {(i == 0 ? "starts" : "ends")} with '-'"
                : c is >= 'A' and <= 'Z'
                    ? $"character {position} is the upper-case '{c}'"
                    : $"character {position} is '{c}'";
        }

        return null;
    }

    /// <summary>Whether <paramref name="value"/> is a DNS-1123 label.</summary>
    public static bool IsValid(string? value)
    {
        if (value is null || value.Length == 0 || value.Length > MaxLength)
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var alphanumeric = c is >= 'a' and <= 'z' or >= '0' and <= '9';
            if (!alphanumeric && !(c == '-' && i > 0 && i < value.Length - 1))
            {
                return false;
            }
        }

        return true;
    }
}
