using System.Globalization;
using Cogrion.InfraGen.Documents;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cogrion.InfraGen.Rendered;

/// <summary>
/// Reads <c>helm template</c> output into objects: Helm prints each manifest as <c>---</c>, <c># Source: &lt;template&gt;</c>,
/// then the manifest, so every object keeps the template it came from.
/// </summary>
public static class ManifestReader
{
    private const string SourcePrefix = "# Source: ";

    /// <summary>A manifest that is not YAML, with where it came from.</summary>
    public sealed class UnreadableManifest(string template, string reason) : Exception(reason)
    {
        public string Template { get; } = template;
    }

    /// <summary>
    /// Parsed manifests by their text, shared by every render of the process: a CRD renders the same on every cluster,
    /// under every release name and in both trees of a preview, and parsing it (hundreds of kB each) is most of a warm
    /// render's time. The documents are only read after parsing (the preview filters copies), so sharing them is safe.
    /// Parts shorter than <see cref="MemoFrom"/> characters are parsed each time (cheaper than keeping them). Once the
    /// texts kept pass <paramref name="maxCharacters"/> (a process rendering many versions of large charts, like the test
    /// run), it empties and starts over: at the default bound the texts take about 128 MB and their parsed documents
    /// several times that.
    /// </summary>
    public sealed class Memo(long maxCharacters = Memo.DefaultMaxCharacters)
    {
        public const int MemoFrom = 8192;

        public const long DefaultMaxCharacters = 64L * 1024 * 1024;

        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<DocMap>> _parsed = new(StringComparer.Ordinal);

        private long _characters;

        /// <summary>The memo every render of this process uses.</summary>
        public static Memo Shared { get; } = new();

        /// <summary>Forgets everything kept (a benchmark measuring what a new process's warm render costs).</summary>
        public void Clear()
        {
            _parsed.Clear();
            Interlocked.Exchange(ref _characters, 0);
        }

        internal IReadOnlyList<DocMap> GetOrParse(string template, string text)
        {
            if (_parsed.TryGetValue(text, out var documents))
            {
                return documents;
            }

            documents = Parse(template, text);
            if (!_parsed.TryAdd(text, documents))
            {
                return _parsed.TryGetValue(text, out var first) ? first : documents; // Another thread parsed it too.
            }

            if (Interlocked.Add(ref _characters, text.Length) > maxCharacters)
            {
                Clear();
            }

            return documents;
        }
    }

    /// <summary>The objects of <paramref name="output"/>; throws <see cref="UnreadableManifest"/> for one that is not YAML.</summary>
    public static IReadOnlyList<(DocMap Document, string Template)> Read(string output, Memo? memo = null)
    {
        var objects = new List<(DocMap, string)>();
        foreach (var part in Split(output))
        {
            var documents = memo is not null && part.Text.Length >= Memo.MemoFrom
                ? memo.GetOrParse(part.Template, part.Text)
                : Parse(part.Template, part.Text);
            objects.AddRange(documents.Select(d => (d, part.Template)));
        }

        return objects;
    }

    /// <summary>The documents of one template's output (empty ones left out).</summary>
    private static IReadOnlyList<DocMap> Parse(string template, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new UnreadableManifest(template, $"line {e.Start.Line} of its output: {e.Message}");
        }

        return [.. stream.Documents.Select(d => ToDoc(d.RootNode)).OfType<DocMap>().Where(m => m.Count > 0)];
    }

    private static IEnumerable<(string Template, string Text)> Split(string output)
    {
        var template = "";
        var text = new System.Text.StringBuilder();
        foreach (var line in output.Split('\n'))
        {
            if (line == "---" || line.StartsWith("--- ", StringComparison.Ordinal))
            {
                if (text.Length > 0)
                {
                    yield return (template, text.ToString());
                }

                text.Clear();
                continue;
            }

            if (line.StartsWith(SourcePrefix, StringComparison.Ordinal) && text.Length == 0)
            {
                template = line[SourcePrefix.Length..].Trim();
                continue;
            }

            text.Append(line).Append('\n');
        }

        if (text.ToString().Trim().Length > 0)
        {
            yield return (template, text.ToString());
        }
    }

    /// <summary>A YAML node as a document node, plain scalars resolved the way Kubernetes' YAML reader resolves them.</summary>
    public static DocNode ToDoc(YamlNode node) => node switch
    {
        YamlMappingNode map => ToMap(map),
        YamlSequenceNode seq => ToSeq(seq),
        YamlScalarNode scalar => ToScalar(scalar),
        _ => DocScalar.Null, // An alias is resolved by YamlDotNet; nothing else exists.
    };

    private static DocMap ToMap(YamlMappingNode node)
    {
        var map = new DocMap();
        foreach (var (key, value) in node.Children)
        {
            map.Set(key is YamlScalarNode { Value: { } k } ? k : key.ToString(), ToDoc(value));
        }

        return map;
    }

    private static DocSeq ToSeq(YamlSequenceNode node)
    {
        var seq = new DocSeq();
        foreach (var child in node.Children)
        {
            seq.Add(ToDoc(child));
        }

        return seq;
    }

    private static DocScalar ToScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
        {
            return DocScalar.String(text);
        }

        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return DocScalar.Null;
            case "true" or "True" or "TRUE":
                return DocScalar.Boolean(true);
            case "false" or "False" or "FALSE":
                return DocScalar.Boolean(false);
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return DocScalar.Integer(integer);
        }

        if (text.Length > 0 && (char.IsDigit(text[0]) || text[0] is '-' or '+' or '.')
            && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && !text.Contains(':'))
        {
            return DocScalar.Decimal(number);
        }

        return DocScalar.String(text);
    }
}
