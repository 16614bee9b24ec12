using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Helm;
using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Rendering;

namespace Cogrion.InfraGen.Rendered;

/// <summary>Everything Helm rendered for the estate, kept as data for the checks (and later the preview).</summary>
/// <param name="Releases">Each app on each cluster it runs on, under its Argo CD release name, in cluster then app order.</param>
/// <param name="Alternates">The same pairs under a second release name, for the release-name independence check.</param>
/// <param name="Problems">Helm's own failures (a template error, a failed lint).</param>
/// <param name="Cached">Helm commands answered from the cache.</param>
/// <param name="HelmRuns">Helm commands actually run.</param>
public sealed record RenderedEstate(
    IReadOnlyList<RenderedRelease> Releases, IReadOnlyList<RenderedRelease> Alternates, IReadOnlyList<InfraDiagnostic> Problems, int Cached, int HelmRuns);

/// <summary>
/// The render stage: renders every cluster x app with Helm as Argo CD does (release = Application name, namespace =
/// destination, <c>--include-crds</c>, the cluster's Kubernetes version, <c>--api-versions</c> for the CRDs the cluster's
/// apps install), again under a second release name, and lints each chart with each cluster's values. Pure but for
/// Helm and its cache: it reads the rendered tree in memory, never <c>out/</c>.
/// </summary>
public static partial class HelmRenderStage
{
    /// <summary>The prefix of the second release name (a valid release name whatever the app's name).</summary>
    public const string AlternatePrefix = "alt-";

    public static RenderedEstate Render(ResolvedEstate model, RenderedTree tree, HelmTool helm, RenderOptions options)
    {
        var cacheDirectory = options.CacheDirectory ?? model.Paths.RenderCacheDirectory;
        var cache = new RenderCache(cacheDirectory, helm.Version);
        var sources = new ChartSources(tree, helm, cacheDirectory, options.EffectiveChartCache);
        var pairs = (
            from cluster in model.Clusters
            where options.Cluster is null || cluster.Name == options.Cluster
            from placed in model.On(cluster)
            select (Cluster: cluster, placed.App)).ToArray();
        var problems = new ConcurrentBag<InfraDiagnostic>();
        var runs = new StrongBox<int>();

        // Materialize every chart first (one at a time: a chart directory is shared by every cluster).
        foreach (var app in pairs.Select(p => p.App).Distinct())
        {
            sources.ChartDirectory(app);
        }

        RenderedRelease? RenderOne(Cluster cluster, App app, string release, IReadOnlyList<string> apiVersions)
        {
            var arguments = TemplateArguments(sources, cluster, app, release, apiVersions);
            var cached = cache.Find(arguments);
            var output = cached;
            if (output is null)
            {
                Interlocked.Increment(ref runs.Value);
                var result = helm.Run(arguments, workingDirectory: null);
                if (result.ExitCode != 0)
                {
                    problems.Add(TemplateFailure(model, tree, cluster, app, release, result.Error));
                    return null;
                }

                cache.Store(arguments, result.Output);
                output = result.Output;
            }

            try
            {
                return Release(cluster, app, release, output, cached is not null);
            }
            catch (ManifestReader.UnreadableManifest e)
            {
                problems.Add(RenderErrors.TemplateFailed(cluster.Name, app.Name, release, $"{e.Template} does not render to YAML: {e.Message}", app.DeclaredAt, null));
                return null;
            }
        }

        // Pass 1: which CRDs each cluster's apps install, so charts that ask Capabilities for them see them (as on a cluster).
        var discovered = new RenderedRelease?[pairs.Length];
        Parallel.For(0, pairs.Length, Workers, i => discovered[i] = RenderOne(pairs[i].Cluster, pairs[i].App, pairs[i].App.Name, []));
        var apiVersions = ApiVersionsByCluster(model, discovered);

        // Pass 2: as Argo CD renders, under the real and a second release name; and lint.
        var releases = new RenderedRelease?[pairs.Length];
        var alternates = new RenderedRelease?[pairs.Length];
        Parallel.For(0, pairs.Length * 3, Workers, i =>
        {
            var (cluster, app) = pairs[i / 3];
            var apis = apiVersions[cluster.Name];
            switch (i % 3)
            {
                case 0:
                    releases[i / 3] = apis.Count == 0 ? discovered[i / 3] : RenderOne(cluster, app, app.Name, apis);
                    break;
                case 1:
                    alternates[i / 3] = RenderOne(cluster, app, AlternateName(app), apis);
                    break;
                default:
                    if (Lint(sources, cache, helm, cluster, app, runs) is { } lint)
                    {
                        problems.Add(lint);
                    }

                    break;
            }
        });

        return new RenderedEstate(
            [.. releases.OfType<RenderedRelease>()],
            [.. alternates.OfType<RenderedRelease>()],
            [.. problems.Distinct().OrderBy(p => p.Message, StringComparer.Ordinal)],
            cache.Hits,
            runs.Value);
    }

    /// <summary>The second release name of an app: different from the Application name, still a valid release name.</summary>
    public static string AlternateName(App app) => (AlternatePrefix + app.Name).Length <= 53 ? AlternatePrefix + app.Name : AlternatePrefix + app.Name[..(53 - AlternatePrefix.Length)].TrimEnd('-');

    /// <summary>Each document's size as JSON (the limit of a client-side apply), kept as long as the document is.</summary>
    private static readonly ConditionalWeakTable<DocMap, StrongBox<int>> JsonSizes = new();

    private static readonly ParallelOptions Workers = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    private static List<string> TemplateArguments(ChartSources sources, Cluster cluster, App app, string release, IReadOnlyList<string> apiVersions)
    {
        List<string> arguments =
        [
            "template", release, sources.ChartDirectory(app),
            "--namespace", app.Namespace,
            "--values", sources.ValuesFile(cluster, app),
            "--include-crds",
            "--kube-version", cluster.KubernetesVersion,
        ];
        foreach (var api in apiVersions)
        {
            arguments.Add("--api-versions");
            arguments.Add(api);
        }

        return arguments;
    }

    /// <summary>Helm's output as objects; documents parsed before in this process (<see cref="ManifestReader.Memo.Shared"/>) are shared, with their JSON size.</summary>
    private static RenderedRelease Release(Cluster cluster, App app, string release, string output, bool cached)
    {
        var objects = new List<RenderedObject>();
        foreach (var (document, template) in ManifestReader.Read(output, ManifestReader.Memo.Shared))
        {
            var ownNamespace = document["metadata"] is DocMap m && m["namespace"] is DocScalar s ? s.Text : null;
            var kind = document["kind"] is DocScalar k ? k.Text : "";
            var apiVersion = document["apiVersion"] is DocScalar a ? a.Text : "";
            var clusterScoped = KubernetesKinds.IsClusterScoped(apiVersion, kind);
            objects.Add(new RenderedObject(document, template, clusterScoped ? null : ownNamespace ?? app.Namespace)
            {
                JsonBytes = JsonSizes.GetValue(document, static d => new StrongBox<int>(Validation.Schemas.DocJson.ByteCount(d))).Value,
            });
        }

        return new RenderedRelease(cluster, app, release, app.Namespace, objects, output, cached);
    }

    /// <summary>Each cluster's API versions served by CRDs its apps install (<c>group/version</c> and <c>group/version/Kind</c>).</summary>
    private static Dictionary<string, IReadOnlyList<string>> ApiVersionsByCluster(ResolvedEstate model, RenderedRelease?[] discovered)
    {
        var byCluster = model.Clusters.ToDictionary(c => c.Name, _ => new SortedSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var release in discovered.OfType<RenderedRelease>())
        {
            foreach (var crd in release.Objects.Where(o => o.Kind == "CustomResourceDefinition"))
            {
                foreach (var (group, version, kind) in KubernetesKinds.Served(crd.Document))
                {
                    byCluster[release.Cluster.Name].Add($"{group}/{version}");
                    byCluster[release.Cluster.Name].Add($"{group}/{version}/{kind}");
                }
            }
        }

        return byCluster.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)[.. p.Value], StringComparer.Ordinal);
    }

    private static InfraDiagnostic? Lint(ChartSources sources, RenderCache cache, HelmTool helm, Cluster cluster, App app, StrongBox<int> runs)
    {
        List<string> arguments = ["lint", "--strict", sources.ChartDirectory(app), "--values", sources.ValuesFile(cluster, app), "--namespace", app.Namespace, "--kube-version", cluster.KubernetesVersion];
        if (cache.Find(arguments) is not null)
        {
            return null;
        }

        Interlocked.Increment(ref runs.Value);
        var result = helm.Run(arguments, workingDirectory: null);
        if (result.ExitCode == 0)
        {
            cache.Store(arguments, result.Output);
            return null;
        }

        var findings = (result.Output + "\n" + result.Error).Split('\n')
            .Where(l => l.StartsWith("[ERROR]", StringComparison.Ordinal) || l.StartsWith("[WARNING]", StringComparison.Ordinal))
            .Select(l => l.Trim()).Distinct(StringComparer.Ordinal).ToList();
        return RenderErrors.LintFailed(cluster.Name, app.Name, findings.Count == 0 ? result.Error.Trim() : string.Join("; ", findings), app.DeclaredAt);
    }

    /// <summary>A template error at its template and line: for a hand-written template of the model, the model file's line.</summary>
    private static InfraDiagnostic TemplateFailure(ResolvedEstate model, RenderedTree tree, Cluster cluster, App app, string release, string error)
    {
        var message = string.Join(" ", error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Replace("Error: ", "", StringComparison.Ordinal);
        var at = app.DeclaredAt;
        string? output = null;
        if (TemplateLine().Match(error) is { Success: true } match)
        {
            var template = match.Groups["template"].Value; // <chart>/templates/<file>
            if (template.StartsWith(app.Name + "/templates/", StringComparison.Ordinal))
            {
                var chartPath = template[(app.Name.Length + 1)..];
                output = TreeLayout.ChartFile(app.Name, chartPath);
                var line = int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (model.Chart(app).Templates.FirstOrDefault(t => t.ChartPath == chartPath) is { } handWritten)
                {
                    at = new SourceLocation(handWritten.Source, Math.Max(1, line - 1)); // out/ adds a header line.
                }
            }
        }

        return RenderErrors.TemplateFailed(cluster.Name, app.Name, release, message, at, output);
    }

    [GeneratedRegex(@"\((?<template>[^():\s]+/templates/[^():\s]+):(?<line>\d+)(:\d+)?\)|template: (?<template>[^():\s]+/templates/[^():\s]+):(?<line>\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex TemplateLine();
}
