using System.Text.RegularExpressions;
using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Rendering;

namespace Cogrion.InfraGen.Validation.Policy;

/// <summary>
/// INFRA2202: no literal secret material anywhere in the tree, by the rule the analyzers apply to the model
/// (<see cref="SecretRule"/>): AWS access key IDs and private key blocks anywhere, high-entropy values under a key
/// that mentions a password, secret, token, API key or credential, and any literal under a key that holds one.
/// Documents are searched value by value (pointer known); other files (hand-written templates, README) line by line.
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
            var value = pair.Success ? pair.Groups[2].Value : null;
            var what = value is null ? Describe(null, line)
                : value[0] is '"' or '\'' || !IsPlainNonString(value) ? Describe(pair.Groups[1].Value, value.Trim('"', '\''))
                : Describe(null, value);
            if (what is not null)
            {
                var at = file.Kind == FileKind.ChartTemplate && !file.Origin.IsUnknown ? file.Origin with { Line = file.Origin.Line + i - 1 } : file.Origin;
                problems.Add(ValidationErrors.SecretMaterial($"{what} (line {i + 1})", at, file.Path, ""));
            }
        }

        return problems;
    }

    /// <summary>What secret material a value under <paramref name="key"/> holds, or null when it holds none (<see cref="SecretRule"/>).</summary>
    public static string? Describe(string? key, string value) => SecretRule.Describe(key, value);

    /// <summary>
    /// A plain scalar of a hand-written line that YAML reads as a boolean, null or number: not a string, so not a
    /// literal value (the documents' own check skips non-string scalars the same way).
    /// </summary>
    private static bool IsPlainNonString(string value) =>
        value is "~" || value.Equals("null", StringComparison.OrdinalIgnoreCase) || value.Equals("true", StringComparison.OrdinalIgnoreCase)
        || value.Equals("false", StringComparison.OrdinalIgnoreCase)
        || decimal.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);

    [GeneratedRegex(@"^\s*-?\s*([A-Za-z0-9_.-]+)\s*:\s*(\S+)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex YamlPair();
}
