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

    private Releases(string file, Dictionary<(string Cluster, string App), ReleaseEntry> entries)
    {
        File = file;
        _entries = entries;
    }

    /// <summary>The file read (empty when there was none).</summary>
    public string File { get; }

    /// <summary>Every entry, in file order.</summary>
    public IEnumerable<ReleaseEntry> Entries => _entries.Values.OrderBy(e => e.Line);

    /// <summary>The entry for an app on a cluster, if any.</summary>
    public ReleaseEntry? Find(string cluster, string app) => _entries.GetValueOrDefault((cluster, app));

    /// <summary>Reads the file; a missing file is an empty release list. Problems are added to <paramref name="diagnostics"/>.</summary>
    public static Releases Load(string file, List<InfraDiagnostic> diagnostics)
    {
        var entries = new Dictionary<(string, string), ReleaseEntry>();
        if (!System.IO.File.Exists(file))
        {
            return new Releases(file, entries);
        }

        SourceLocation At(Mark mark) => new(file, (int)mark.Line);
        void Bad(Mark mark, string message) => diagnostics.Add(ModelErrors.BadReleases(message, At(mark)));

        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(file);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            Bad(e.Start, $"releases.yaml is not valid YAML: {e.Message}");
            return new Releases(file, entries);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new Releases(file, entries);
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode clusters)
        {
            Bad(stream.Documents[0].RootNode.Start, "releases.yaml must be a map of cluster names to maps of app names to image tags.");
            return new Releases(file, entries);
        }

        foreach (var (clusterKey, appsNode) in clusters.Children)
        {
            var cluster = ((YamlScalarNode)clusterKey).Value ?? string.Empty;
            if (appsNode is not YamlMappingNode apps)
            {
                Bad(appsNode.Start, $"Cluster '{cluster}' in releases.yaml must map app names to image tags.");
                continue;
            }

            foreach (var (appKey, tagNode) in apps.Children)
            {
                var app = (appKey as YamlScalarNode)?.Value ?? string.Empty;
                var text = (tagNode as YamlScalarNode)?.Value;
                if (!ImageTag.TryParse(text, out var tag))
                {
                    Bad(tagNode.Start, $"'{text}' is not an allowed image tag for app '{app}' on cluster '{cluster}': expected {ImageTag.Rule}; 'latest' and empty tags are never deployed.");
                    continue;
                }

                if (!entries.TryAdd((cluster, app), new ReleaseEntry(cluster, app, tag, (int)appKey.Start.Line)))
                {
                    Bad(appKey.Start, $"App '{app}' on cluster '{cluster}' has two tags in releases.yaml; keep one line.");
                }
            }
        }

        return new Releases(file, entries);
    }
}
