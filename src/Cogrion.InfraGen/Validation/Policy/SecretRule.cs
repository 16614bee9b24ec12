using System;
using System.Collections.Generic;

namespace Cogrion.InfraGen;

/// <summary>
/// What secret material is, once: the rule the output policy (INFRA2202) applies to every value of the tree and the
/// analyzers (INFRA0006, INFRA0007) apply to every literal of the model, so the IDE flags exactly what the build
/// would refuse in <c>out/</c>. Three tests, in order:
/// <list type="number">
/// <item>the text holds an AWS access key ID or a private key block, whatever its name;</item>
/// <item>under a name that mentions a secret (password, passwd, secret, token, API key, credential), a value of 8 or
/// more characters, not made of words, with 3 or more bits of entropy per character (base64, hex, <c>P@ssw0rd-9fX2</c>);</item>
/// <item>under a name that holds a secret (it mentions one, and does not refer to one: <c>Existing…</c>,
/// <c>…Key</c>, <c>…Name</c>, <c>…Ref</c>…), any literal value (<c>changeme</c>), but not an empty one or a Helm template.</item>
/// </list>
/// </summary>
/// <remarks>
/// Also compiled into the source generator (linked file, as <see cref="DnsLabel"/> is). Plain loops, no regular
/// expressions: the same code runs in both, netstandard2.0 and net10.0, without a per-value allocation. A name is a
/// YAML key (<c>adminPassword</c>, <c>secret_key</c>) or a C# property (<c>AdminPassword</c>): case and separators do not
/// change a verdict.
/// </remarks>
internal static class SecretRule
{
    /// <summary>The shortest value judged by its entropy; shorter ones carry too little to tell.</summary>
    public const int MinMaterialLength = 8;

    /// <summary>Bits of entropy per character from which a value not made of words is material.</summary>
    public const double MinEntropy = 3.0;

    // IAM's unique ID prefixes: AKIA long-term and ASIA temporary access keys; AGPA groups, AIDA users, AROA roles,
    // ANPA/ANVA managed policies, AIPA instance profiles. Each is followed by 16 upper-case letters or digits.
    private static readonly string[] AwsKeyPrefixes = ["AKIA", "ASIA", "AGPA", "AIDA", "AROA", "ANPA", "ANVA", "AIPA"];

    private const int AwsKeyLength = 20;

    // Matched ignoring case, anywhere in a name. "passwd" is not inside "password".
    private static readonly string[] SecretWords = ["password", "passwd", "secret", "token", "apikey", "api-key", "api_key", "credential"];

    // A name ending in one of these, after its last secret word, refers to or configures a secret (its key in a Secret,
    // a file path, a store, an interval): it does not hold one.
    private static readonly string[] ReferenceWords =
        ["Key", "Keys", "Ref", "Reference", "Name", "Names", "File", "Path", "Store", "Url", "Uri", "Endpoint", "Header", "Type", "Mode", "Ttl", "Interval", "Length", "Enabled"];

    /// <summary>
    /// What secret material <paramref name="value"/> is under <paramref name="name"/> (null: no name, a line of free
    /// text), for a message ("an AWS access key ID"); null when it is none.
    /// </summary>
    public static string? Describe(string? name, string value) =>
        DescribeShape(value) ?? (name is null ? null : DescribeUnder(name, value));

    /// <summary>Secret material recognizable by its shape alone, anywhere in <paramref name="text"/>.</summary>
    public static string? DescribeShape(string text) =>
        ContainsAwsKeyId(text) ? "an AWS access key ID"
        : ContainsPrivateKey(text) ? "a private key"
        : null;

    /// <summary>Secret material given away by its name: a high-entropy value, or any literal where a name holds a secret.</summary>
    public static string? DescribeUnder(string name, string value)
    {
        if (!IsLiteralValue(value) || LastSecretWordEnd(name) < 0)
        {
            return null;
        }

        return LooksLikeMaterial(value) ? $"a high-entropy value under '{name}'"
            : HoldsSecret(name) ? $"a literal value under '{name}'"
            : null;
    }

    /// <summary>
    /// Whether a value named <paramref name="name"/> is a secret itself: the name mentions a secret, does not start
    /// with <c>Existing</c>, and does not end, after its last secret word, in a word that makes it a reference
    /// (<c>PasswordKey</c>, <c>TokenSecretName</c>, <c>secret_key</c>; but <c>ApiKey</c> and <c>DbCredentials</c> hold one).
    /// </summary>
    public static bool HoldsSecret(string name)
    {
        var end = LastSecretWordEnd(name);
        if (end < 0 || name.StartsWith("Existing", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var tail = name.Substring(end).TrimStart('-', '_', '.');
        foreach (var word in ReferenceWords)
        {
            if (EndsWithWord(tail, word))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A value that could be material: not empty or blank, and not a Helm template that reads one.</summary>
    public static bool IsLiteralValue(string value) =>
        value.Trim().Length > 0 && value.IndexOf("{{", StringComparison.Ordinal) < 0;

    /// <summary>
    /// Whether a value is material by its look: 8 or more characters without spaces, not words joined by
    /// <c>- _ . / :</c> (<c>keycloak-db-password</c>, <c>DATABASE_URL</c>), with 3 or more bits of entropy per character.
    /// </summary>
    public static bool LooksLikeMaterial(string value)
    {
        if (value.Length < MinMaterialLength || value.IndexOf("{{", StringComparison.Ordinal) >= 0)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        // Within a rounding error of the threshold counts: eight distinct characters are exactly 3 bits each.
        return !IsMadeOfWords(value) && Entropy(value) >= MinEntropy - 1e-9;
    }

    /// <summary>Shannon entropy in bits per character.</summary>
    public static double Entropy(string value)
    {
        var counts = new Dictionary<char, int>();
        foreach (var c in value)
        {
            counts[c] = counts.TryGetValue(c, out var n) ? n + 1 : 1;
        }

        var entropy = 0.0;
        foreach (var n in counts.Values)
        {
            var p = (double)n / value.Length;
            entropy -= p * Math.Log(p) / Math.Log(2);
        }

        return entropy;
    }

    /// <summary>An AWS IAM unique ID: a known prefix and 16 upper-case letters or digits, not inside a longer such run.</summary>
    public static bool ContainsAwsKeyId(string text)
    {
        for (var i = text.IndexOf('A'); i >= 0 && i + AwsKeyLength <= text.Length; i = text.IndexOf('A', i + 1))
        {
            if ((i > 0 && IsUpperOrDigit(text[i - 1])) || (i + AwsKeyLength < text.Length && IsUpperOrDigit(text[i + AwsKeyLength])))
            {
                continue;
            }

            var prefixed = false;
            foreach (var prefix in AwsKeyPrefixes)
            {
                prefixed |= string.CompareOrdinal(text, i, prefix, 0, prefix.Length) == 0;
            }

            var rest = prefixed;
            for (var j = i + 4; rest && j < i + AwsKeyLength; j++)
            {
                rest = IsUpperOrDigit(text[j]);
            }

            if (rest)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A PEM or PGP private key: <c>-----BEGIN RSA PRIVATE KEY-----</c>, <c>-----BEGIN PGP PRIVATE KEY BLOCK-----</c>, …</summary>
    public static bool ContainsPrivateKey(string text)
    {
        const string Begin = "-----BEGIN ";
        for (var at = text.IndexOf(Begin, StringComparison.Ordinal); at >= 0; at = text.IndexOf(Begin, at + 1, StringComparison.Ordinal))
        {
            // Words of upper-case letters and digits, one space after each, then PRIVATE KEY: tried at each word.
            var i = at + Begin.Length;
            while (true)
            {
                if (At(text, i, "PRIVATE KEY") && (At(text, i + 11, "-----") || At(text, i + 11, " BLOCK-----")))
                {
                    return true;
                }

                var word = i;
                while (word < text.Length && IsUpperOrDigit(text[word]))
                {
                    word++;
                }

                if (word == i || word >= text.Length || text[word] != ' ')
                {
                    break;
                }

                i = word + 1;
            }
        }

        return false;
    }

    /// <summary>Where the last secret word of <paramref name="name"/> ends, or -1 when it mentions none.</summary>
    private static int LastSecretWordEnd(string name)
    {
        var end = -1;
        foreach (var word in SecretWords)
        {
            var at = name.LastIndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && at + word.Length > end)
            {
                end = at + word.Length;
            }
        }

        return end;
    }

    /// <summary>
    /// Whether <paramref name="text"/> ends in <paramref name="word"/> (any case) as a word of its own: the whole text,
    /// after a separator, or starting with a capital (<c>SecretName</c>, <c>secret_name</c>, not <c>Monkey</c>).
    /// </summary>
    private static bool EndsWithWord(string text, string word)
    {
        if (!text.EndsWith(word, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var start = text.Length - word.Length;
        return start == 0 || text[start - 1] is '-' or '_' or '.' || char.IsUpper(text[start]);
    }

    private static bool IsMadeOfWords(string value)
    {
        foreach (var part in value.Split('-', '_', '.', '/', ':'))
        {
            if (part.Length > 0 && !IsWord(part))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Letters, then at most 3 digits (<c>postgres12</c>), or a short number alone.</summary>
    private static bool IsWord(string part)
    {
        var letters = 0;
        while (letters < part.Length && part[letters] is >= 'a' and <= 'z' or >= 'A' and <= 'Z')
        {
            letters++;
        }

        for (var i = letters; i < part.Length; i++)
        {
            if (part[i] is not (>= '0' and <= '9'))
            {
                return false;
            }
        }

        var digits = part.Length - letters;
        return letters > 0 ? digits <= 3 : digits <= 4;
    }

    private static bool At(string text, int index, string literal) =>
        index + literal.Length <= text.Length && string.CompareOrdinal(text, index, literal, 0, literal.Length) == 0;

    private static bool IsUpperOrDigit(char c) => c is >= 'A' and <= 'Z' or >= '0' and <= '9';
}
