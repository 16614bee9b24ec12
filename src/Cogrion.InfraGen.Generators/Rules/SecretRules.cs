using System;
using System.Linq;
using System.Text.RegularExpressions;

namespace Cogrion.InfraGen.Generators.Rules;

/// <summary>
/// What looks like a secret in source. Tuned for few false positives: a name that refers to a secret
/// (<c>ExistingSecret</c>, <c>PasswordKey</c>, <c>AppSecret("DB_PASSWORD", "db-password")</c>) is not one.
/// </summary>
internal static class SecretRules
{
    // The patterns are the pipeline's (SecretPatterns, a linked file): the IDE flags what the output policy refuses.
    private static readonly Regex AwsAccessKeyId = new(SecretPatterns.AwsAccessKeyId, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static readonly Regex PrivateKeyBlock = new(SecretPatterns.PrivateKeyBlock, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static readonly Regex SecretWord = new(SecretPatterns.SecretWord, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));

    // A name ending in one of these refers to or configures a secret (its key in a Secret, a file path, a store,
    // an interval): it does not hold one.
    private static readonly string[] ReferenceSuffixes =
        ["Key", "Keys", "Ref", "Reference", "Name", "Names", "File", "Path", "Store", "Url", "Uri", "Endpoint", "Header", "Type", "Mode", "Ttl", "Interval", "Length", "Enabled"];

    /// <summary>What a string literal looks like, when it looks like a secret ("an AWS access key id"), else null.</summary>
    public static string? LooksLike(string text)
    {
        if (AwsAccessKeyId.IsMatch(text))
        {
            return "an AWS access key id";
        }

        return PrivateKeyBlock.IsMatch(text) ? "a private key" : null;
    }

    /// <summary>
    /// Whether a values property named <paramref name="propertyName"/> would hold a secret's value: its name contains
    /// password, passwd, secret, token, api key or credential (any case; <see cref="SecretPatterns.SecretWord"/>), and it is not a reference to a secret (<c>Existing…</c>, <c>…Key</c>, <c>…Name</c>…).
    /// </summary>
    public static bool HoldsSecret(string propertyName) =>
        SecretWord.IsMatch(propertyName)
        && !propertyName.StartsWith("Existing", StringComparison.OrdinalIgnoreCase)
        && !ReferenceSuffixes.Any(s => propertyName.Length > s.Length && propertyName.EndsWith(s, StringComparison.Ordinal));

    /// <summary>Whether a literal given to such a property is a value: not empty, and not a Helm template that reads one.</summary>
    public static bool IsValue(string literal) =>
        literal.Trim().Length > 0 && literal.IndexOf("{{", StringComparison.Ordinal) < 0;
}
