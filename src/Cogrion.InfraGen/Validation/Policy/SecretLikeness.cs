namespace Cogrion.InfraGen.Validation.Policy;

/// <summary>
/// Whether a value under a password/secret/token key looks like secret material rather than a reference to one.
/// References are names: words joined by <c>- _ . / :</c> (<c>keycloak-db-password</c>, <c>DATABASE_URL</c>,
/// <c>observability-secrets</c>), or template expressions. Material is at least 8 characters, not made of
/// words, with Shannon entropy of 3 bits per character or more (<c>P@ssw0rd-9fX2</c>, base64, hex tokens).
/// </summary>
public static class SecretLikeness
{
    /// <summary>The shortest value judged; shorter ones carry too little to tell.</summary>
    public const int MinLength = 8;

    /// <summary>Bits of entropy per character from which a non-word value is material.</summary>
    public const double MinEntropy = 3.0;

    /// <summary>Whether <paramref name="value"/> looks like secret material.</summary>
    public static bool LooksSecret(string value)
    {
        if (value.Length < MinLength || value.Contains("{{", StringComparison.Ordinal) || value.Any(char.IsWhiteSpace))
        {
            return false;
        }

        return !IsMadeOfWords(value) && Entropy(value) >= MinEntropy;
    }

    /// <summary>Shannon entropy in bits per character.</summary>
    public static double Entropy(string value)
    {
        var counts = new Dictionary<char, int>();
        foreach (var c in value)
        {
            counts[c] = counts.GetValueOrDefault(c) + 1;
        }

        return -counts.Values.Sum(n => (double)n / value.Length * Math.Log2((double)n / value.Length));
    }

    /// <summary>Words (letters, then at most 3 digits) or short numbers, joined by separators.</summary>
    private static bool IsMadeOfWords(string value) =>
        value.Split('-', '_', '.', '/', ':').All(part => part.Length == 0 || IsWord(part));

    private static bool IsWord(string part)
    {
        var letters = 0;
        while (letters < part.Length && char.IsAsciiLetter(part[letters]))
        {
            letters++;
        }

        var digits = part.Length - letters;
        return part.Skip(letters).All(char.IsAsciiDigit) && (letters > 0 ? digits <= 3 : digits <= 4);
    }
}
