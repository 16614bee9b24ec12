using System.Text.RegularExpressions;
using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Rendering;

namespace Cogrion.InfraGen.Validation.Policy;

/// <summary>
/// INFRA2202: no literal secret material anywhere in the tree. Every file is searched for AWS access key IDs and
/// private key blocks; every value under a key that names a password, secret, token, API key or credential must
/// not look like one (<see cref="SecretLikeness"/>). Documents are searched value by value (pointer known);
/// other files (hand-written templates, README) line by line.
/// </summary>
public sealed partial class SecretMaterialPolicy : ITreeRule
{
    public IEnumerable<InfraDiagnostic> Check(TreeFacts facts)
    {
        var found = new List<InfraDiagnostic>[facts.Files.Count];
        Parallel.For(0, facts.Files.Count, i =>
        {
            var file = facts.Files[i];
            found[i] = file.Documents.Count > 0 ? CheckDocuments(file) : CheckText(file);
        });
        return found.SelectMany(f => f);
    }

    private static List<InfraDiagnostic> CheckDocuments(RenderedFile file)
    {
        var problems = new List<InfraDiagnostic>();
        foreach (var document in file.Documents)
        {
            DocWalk.Scalars(document, (path, key, scalar) =>
            {
                if (scalar.Kind == ScalarKind.String && Describe(key, scalar.Text) is { } what)
                {
                    problems.Add(ValidationErrors.SecretMaterial(what, TreeFacts.OriginOf(file, document, path), file.Path, DocPointer.Format(path)));
                }
            });
        }

        return problems;
    }

    private static List<InfraDiagnostic> CheckText(RenderedFile file)
    {
        var problems = new List<InfraDiagnostic>();
        var lines = file.Text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var pair = YamlPair().Match(line);
            var what = pair.Success ? Describe(pair.Groups[1].Value, pair.Groups[2].Value.Trim('"', '\'')) : Describe(null, line);
            if (what is not null)
            {
                var at = file.Kind == FileKind.ChartTemplate && !file.Origin.IsUnknown ? file.Origin with { Line = file.Origin.Line + i - 1 } : file.Origin;
                problems.Add(ValidationErrors.SecretMaterial($"{what} (line {i + 1})", at, file.Path, ""));
            }
        }

        return problems;
    }

    /// <summary>What secret material a value under <paramref name="key"/> holds, or null when it holds none.</summary>
    public static string? Describe(string? key, string value)
    {
        // The regexes run only where their fixed text occurs: most values of a large tree are short names.
        if (value.Length >= 20 && value.AsSpan().IndexOfAny(AwsKeyStarts) >= 0 && AwsAccessKey().IsMatch(value))
        {
            return "an AWS access key ID";
        }

        if (value.Contains("PRIVATE KEY", StringComparison.Ordinal) && PrivateKey().IsMatch(value))
        {
            return "a private key";
        }

        return key is not null && value.Length >= SecretLikeness.MinLength && IsSecretKeyName(key) && SecretLikeness.LooksSecret(value)
            ? $"a high-entropy value under '{key}'"
            : null;
    }

    /// <summary>Whether a key names a password, secret, token, API key or credential.</summary>
    private static bool IsSecretKeyName(string key) => SecretKeyName().IsMatch(key);

    private static readonly System.Buffers.SearchValues<char> AwsKeyStarts = System.Buffers.SearchValues.Create("A");

    [GeneratedRegex(SecretPatterns.AwsAccessKeyId, RegexOptions.CultureInvariant)]
    private static partial Regex AwsAccessKey();

    [GeneratedRegex(SecretPatterns.PrivateKeyBlock, RegexOptions.CultureInvariant)]
    private static partial Regex PrivateKey();

    [GeneratedRegex(SecretPatterns.SecretWord, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SecretKeyName();

    [GeneratedRegex(@"^\s*-?\s*([A-Za-z0-9_.-]+)\s*:\s*(\S+)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex YamlPair();
}
