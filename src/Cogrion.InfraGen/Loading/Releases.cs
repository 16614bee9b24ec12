using System.Text;
using Cogrion.InfraGen.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cogrion.InfraGen.Loading;

/// <summary>One line of <c>releases.yaml</c>: the tag an app runs on a cluster, and the line it is on.</summary>
public sealed record ReleaseEntry(string Cluster, string App, ImageTag Tag, int Line);

/// <summary>
/// <c>model/releases.yaml</c>: the image tag each app runs on each cluster, one line each
/// (<c>cluster:</c> then <c>  app: sha-…</c>). Data, not code, so CI can change a tag without touching C#.
/// </summary>
public sealed class Releases
{
    private readonly Dictionary<(string Cluster, string App), ReleaseEntry> _entries;
    private readonly Dictionary<string, int> _sectionLines;

    private Releases(string file, string text, YamlMappingNode? root, Dictionary<(string Cluster, string App), ReleaseEntry> entries, Dictionary<string, int> sectionLines)
    {
        File = file;
        Text = text;
        Root = root;
        _entries = entries;
        _sectionLines = sectionLines;
    }

    /// <summary>The file read (it may not exist: then there are no entries).</summary>
    public string File { get; }

    /// <summary>The file's text as read, without a byte order mark (empty when there was no file).</summary>
    public string Text { get; }

    /// <summary>The parsed document, for edits that keep every other byte (null when the file is empty or absent).</summary>
    internal YamlMappingNode? Root { get; }

    /// <summary>Every entry, in file order.</summary>
    public IEnumerable<ReleaseEntry> Entries => _entries.Values.OrderBy(e => e.Line);

    /// <summary>The entry for an app on a cluster, if any.</summary>
    public ReleaseEntry? Find(string cluster, string app) => _entries.GetValueOrDefault((cluster, app));

    /// <summary>The line of a cluster's section (<c>cluster:</c>), if the file has one.</summary>
    public int? SectionLine(string cluster) => _sectionLines.TryGetValue(cluster, out var line) ? line : null;

    /// <summary>Reads the file; a missing file is an empty release list. Problems are added to <paramref name="diagnostics"/>.</summary>
    public static Releases Load(string file, List<InfraDiagnostic> diagnostics) =>
        Parse(file, System.IO.File.Exists(file) ? ReadText(file) : string.Empty, diagnostics);

    /// <summary>The text of a releases file, without a byte order mark (which would become part of the first key).</summary>
    public static string ReadText(string file) => new UTF8Encoding(false).GetString(System.IO.File.ReadAllBytes(file)).TrimStart('\uFEFF');

    /// <summary>
    /// Reads <paramref name="text"/> as the content of <paramref name="file"/> (an edit not yet written is checked this
    /// way). Problems are added to <paramref name="diagnostics"/>, each at its line.
    /// </summary>
    public static Releases Parse(string file, string text, List<InfraDiagnostic> diagnostics)
    {
        var entries = new Dictionary<(string, string), ReleaseEntry>();
        var sections = new Dictionary<string, int>(StringComparer.Ordinal);
        SourceLocation At(Mark mark) => new(file, (int)mark.Line);
        void Bad(Mark mark, string message) => diagnostics.Add(ModelErrors.BadReleases(message, At(mark)));
        Releases Result(YamlMappingNode? root) => new(file, text, root, entries, sections);

        var stream = new YamlStream();
        var parser = new Parser(new StringReader(text));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            diagnostics.Add(ModelErrors.ReleasesNotYaml(e.Message, (int)e.Start.Column, At(e.Start)));
            return Result(null);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up this way on some broken input (an unclosed flow sequence, "[sha-…" to the end of
            // the file) instead of throwing a YamlException: the error is at or after the last event it read.
            var last = parser.Current?.Start ?? Mark.Empty;
            diagnostics.Add(ModelErrors.ReleasesNotYaml("an unclosed '[' or '{', or a broken scalar, from here on.", (int)last.Column, At(last)));
            return Result(null);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return Result(null);
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode clusters)
        {
            Bad(stream.Documents[0].RootNode.Start, "releases.yaml must be a map of cluster names to maps of app names to image tags.");
            return Result(null);
        }

        foreach (var (clusterKey, appsNode) in clusters.Children)
        {
            if (clusterKey is not YamlScalarNode { Value: { } cluster })
            {
                Bad(clusterKey.Start, "Each key of releases.yaml must be a cluster name.");
                continue;
            }

            sections[cluster] = (int)clusterKey.Start.Line;
            if (appsNode is not YamlMappingNode apps)
            {
                Bad(appsNode.Start, $"Cluster '{cluster}' in releases.yaml must map app names to image tags.");
                continue;
            }

            foreach (var (appKey, tagNode) in apps.Children)
            {
                var app = (appKey as YamlScalarNode)?.Value ?? string.Empty;
                if (tagNode is not YamlScalarNode { Value: var tagText })
                {
                    Bad(tagNode.Start, $"The tag of app '{app}' on cluster '{cluster}' in releases.yaml is a {(tagNode is YamlSequenceNode ? "list" : "map")}; "
                        + $"it must be one tag on the app's line: {ImageTag.Rule}.");
                    continue;
                }

                if (!ImageTag.TryParse(tagText, out var tag))
                {
                    Bad(tagNode.Start, $"{ImageTag.Quote(tagText)} is not an allowed image tag for app '{app}' on cluster '{cluster}': expected {ImageTag.Rule}; 'latest' and empty tags are never deployed.");
                    continue;
                }

                if (!entries.TryAdd((cluster, app), new ReleaseEntry(cluster, app, tag, (int)appKey.Start.Line)))
                {
                    Bad(appKey.Start, $"App '{app}' on cluster '{cluster}' has two tags in releases.yaml; keep one line.");
                }
            }
        }

        return Result(clusters);
    }
}
