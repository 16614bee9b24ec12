using System.Text;
using System.Text.RegularExpressions;
using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Rendering;

namespace Cogrion.InfraGen.Validation.Rules;

/// <summary>
/// INFRA2109/INFRA2110: the generated ExternalSecrets' remote keys, resolved for each cluster from its merged
/// values as Helm would (<c>{{ .Values.global.environment }}</c>), are <c>&lt;prefix&gt;/&lt;env&gt;/&lt;region&gt;/&lt;name&gt;</c>
/// with the cluster's own environment and region and one prefix for the whole estate (<c>cogrion</c>), so no
/// cluster ever reads another's secret. Every value the template reads must be set.
/// </summary>
public sealed partial class SecretKeyRule : ITreeRule
{
    public IEnumerable<InfraDiagnostic> Check(TreeFacts facts)
    {
        var prefix = EstatePrefix(facts.Estate);
        var convention = facts.Estate.SecretKey("<env>", "<region>", "<name>");
        var valuesByApp = facts.Values.ToLookup(v => v.App);
        foreach (var file in facts.Files.Where(f => f.Kind == FileKind.ChartTemplate && f.App is not null))
        {
            foreach (var document in file.Documents.OfType<DocMap>().Where(d => DocPointer.String(d, "kind") == "ExternalSecret"))
            {
                if (DocPointer.Find(document, ["spec", "data"]) is not DocSeq data)
                {
                    continue;
                }

                for (var i = 0; i < data.Count; i++)
                {
                    string[] path = ["spec", "data", i.ToString(System.Globalization.CultureInfo.InvariantCulture), "remoteRef", "key"];
                    if (DocPointer.Find(document, path) is not DocScalar { Kind: ScalarKind.String } key)
                    {
                        continue;
                    }

                    var template = Parse(key.Text);
                    foreach (var view in valuesByApp[file.App!])
                    {
                        var problem = Check(file, document, path, template, view, prefix, convention);
                        if (problem is not null)
                        {
                            yield return problem;
                        }
                    }
                }
            }
        }
    }

    /// <summary>A key template cut into literal text and <c>.Values</c> paths (null for literal parts).</summary>
    private static List<(string Text, string[]? ValuesPath)> Parse(string template)
    {
        var parts = new List<(string, string[]?)>();
        var at = 0;
        foreach (Match match in ValuesExpression().Matches(template))
        {
            parts.Add((template[at..match.Index], null));
            parts.Add((match.Groups[1].Value, match.Groups[1].Value.Split('.')));
            at = match.Index + match.Length;
        }

        parts.Add((template[at..], null));
        return parts;
    }

    private static InfraDiagnostic? Check(RenderedFile file, DocMap document, string[] path, List<(string Text, string[]? ValuesPath)> template, ValuesView view, string? prefix, string convention)
    {
        var cluster = view.Cluster;
        string? missing = null;
        var resolved = new StringBuilder();
        foreach (var (text, valuesPath) in template)
        {
            if (valuesPath is null)
            {
                resolved.Append(text);
            }
            else if (DocPointer.Find(view.Merged, valuesPath) is DocScalar { Kind: not ScalarKind.Null } value && value.Text.Length > 0)
            {
                resolved.Append(value.Text);
            }
            else
            {
                missing ??= text;
            }
        }

        var key = resolved.ToString();

        if (missing is not null)
        {
            var expected = missing switch
            {
                "global.environment" => $"the cluster's environment '{cluster.Env.Name}'",
                "global.region" => $"the cluster's region '{cluster.Region.Name}'",
                _ => "a value",
            };
            return ValidationErrors.SecretKeyValueMissing(view.App.Name, cluster.Name, missing, expected, view.File.Origin, view.File.Path, "/" + missing.Replace('.', '/'));
        }

        var segments = key.Split('/');
        var follows = prefix is not null && segments.Length == 4 && segments[0] == prefix && segments[1] == cluster.Env.Name
            && segments[2] == cluster.Region.Name && segments[3].Length > 0 && !key.Contains("{{", StringComparison.Ordinal);
        if (follows)
        {
            return null;
        }

        var name = segments.Length > 0 ? segments[^1] : "<name>";
        var expectedKey = prefix is null
            ? $"the model's Estate.SecretKey makes '{convention}', which is not of that form"
            : $"here '{prefix}/{cluster.Env.Name}/{cluster.Region.Name}/{name}'";
        return ValidationErrors.SecretKeyConvention(cluster.Name, key, expectedKey, TreeFacts.OriginOf(file, document, path), file.Path, DocPointer.Format(path));
    }

    /// <summary>The estate's prefix: what its convention puts before env/region/name, or null when it is not of that form.</summary>
    private static string? EstatePrefix(Estate estate)
    {
        var segments = estate.SecretKey("\u0001", "\u0002", "\u0003").Split('/');
        return segments.Length == 4 && segments[1] == "\u0001" && segments[2] == "\u0002" && segments[3] == "\u0003"
            && segments[0].Length > 0 && segments[0].All(c => c > '\u0003')
            ? segments[0]
            : null;
    }

    [GeneratedRegex(@"\{\{-?\s*\.Values\.([A-Za-z0-9_.]+)\s*-?\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex ValuesExpression();
}
