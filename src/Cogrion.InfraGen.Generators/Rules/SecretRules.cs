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
    // AWS access key ids: AKIA (long-term) or ASIA (temporary) and 16 upper-case letters or digits.
    private static readonly Regex AwsAccessKeyId = new(
        "(?<![A-Z0-9])(AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    // PEM and PGP private keys: -----BEGIN RSA PRIVATE KEY-----, -----BEGIN OPENSSH PRIVATE KEY-----, ...
    private static readonly Regex PrivateKeyBlock = new(
        "-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static readonly string[] SecretWords = ["password", "passwd", "token", "secret"];

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
    /// password, passwd, token or secret (any case), and it is not a reference to a secret (<c>Existing…</c>, <c>…Key</c>, <c>…Name</c>…).
    /// </summary>
    public static bool HoldsSecret(string propertyName) =>
        SecretWords.Any(w => propertyName.IndexOf(w, StringComparison.OrdinalIgnoreCase) >= 0)
        && !propertyName.StartsWith("Existing", StringComparison.OrdinalIgnoreCase)
        && !ReferenceSuffixes.Any(s => propertyName.Length > s.Length && propertyName.EndsWith(s, StringComparison.Ordinal));

    /// <summary>Whether a literal given to such a property is a value: not empty, and not a Helm template that reads one.</summary>
    public static bool IsValue(string literal) =>
        literal.Trim().Length > 0 && literal.IndexOf("{{", StringComparison.Ordinal) < 0;
}
