using System.Security.Cryptography;
using System.Text;
using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Helm;
using Cogrion.InfraGen.Rendered;
using Cogrion.InfraGen.Validation;
using YamlDotNet.RepresentationModel;

namespace Cogrion.InfraGen.Preview;

/// <summary>One Application's objects as Helm renders them from a generated tree.</summary>
public sealed record AppManifests(string Cluster, string App, IReadOnlyList<RenderedObject> Objects);

/// <summary>
/// Renders a generated tree as it sits in a repository checkout, the way Argo CD reads it: for every Application under
/// <c>argocd/apps/&lt;cluster&gt;/</c>, <c>helm template</c> of its <c>source.path</c> with its <c>valueFiles</c>, release =
/// its name, namespace = its destination. Needs nothing but the files, so it renders a past revision's committed tree
/// as well as the working one. Output is cached by the chart's and values' bytes.
/// </summary>
internal sealed class TreeManifests(HelmTool helm, RenderCache cache, string? chartCache, Func<string, string> kubeVersion)
{
    /// <summary>Every Application's objects below <paramref name="root"/> (the checkout), whose tree is <paramref name="tree"/> (out).</summary>
    public IReadOnlyList<AppManifests> Render(string root, string tree)
    {
        var apps = Path.Combine(root, tree, "argocd", "apps");
        if (!Directory.Exists(apps))
        {
            return [];
        }

        var applications = Directory.EnumerateFiles(apps, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var rendered = new AppManifests[applications.Count];
        Parallel.For(0, applications.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            i => rendered[i] = RenderOne(root, applications[i]));
        return rendered;
    }

    private AppManifests RenderOne(string root, string applicationFile)
    {
        var application = ReadApplication(File.ReadAllText(applicationFile));
        var cluster = Path.GetFileName(Path.GetDirectoryName(applicationFile))!;
        var name = DocPointer.String(application, "metadata", "name") ?? Path.GetFileNameWithoutExtension(applicationFile);
        var release = DocPointer.String(application, "spec", "source", "helm", "releaseName") ?? name;
        var ns = DocPointer.String(application, "spec", "destination", "namespace") ?? "default";
        var chart = Path.GetFullPath(Path.Combine(root, DocPointer.String(application, "spec", "source", "path") ?? ""));
        var values = (DocPointer.Find(application, ["spec", "source", "helm", "valueFiles"]) as DocSeq)?.OfType<DocScalar>()
            .Select(v => Path.GetFullPath(Path.Combine(chart, v.Text))).ToList() ?? [];

        List<string> arguments = ["template", release, chart, "--namespace", ns, "--include-crds", "--kube-version", kubeVersion(cluster)];
        foreach (var file in values)
        {
            arguments.AddRange(["--values", file]);
        }

        // The cache key names the chart and values by their bytes, not their (temporary) paths.
        List<string> key = [.. arguments.Select(a => a == chart ? "chart:" + ChartHash(chart) : values.Contains(a) ? "values:" + FileHash(a) : a)];
        var output = cache.Find(key);
        if (output is null)
        {
            AddDependencies(name, chart);
            var result = helm.Run(arguments, workingDirectory: null);
            if (result.ExitCode != 0)
            {
                throw new InfraGenException([RenderErrors.PreviewFailed($"Helm could not render app '{name}' on cluster '{cluster}' from {Path.GetRelativePath(root, chart)}: {result.Error.Trim()}")]);
            }

            cache.Store(key, result.Output);
            output = result.Output;
        }

        var objects = ManifestReader.Read(output, ManifestReader.Memo.Shared).Select(o => new RenderedObject(o.Document, o.Template, ObjectNamespace(o.Document, ns))).ToList();
        return new AppManifests(cluster, name, IgnoredDifferences.Apply(application, objects));
    }

    /// <summary>The chart's dependencies from the chart cache (or <c>helm dependency build</c>), as Argo CD fetches them.</summary>
    private void AddDependencies(string app, string chart)
    {
        // Every cluster's Application of an app renders the same chart directory, in parallel. It is filled once: filling
        // it again (File.Copy truncates first) while another cluster's helm reads it is "error unpacking subchart: EOF".
        _ = _filledCharts.GetOrAdd(chart, _ => new Lazy<bool>(() => { AddDependenciesOnce(app, chart); return true; })).Value;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<bool>> _filledCharts = new(StringComparer.Ordinal);

    private void AddDependenciesOnce(string app, string chart)
    {
        var metadata = ReadMap(File.ReadAllText(Path.Combine(chart, "Chart.yaml")));
        if (DocPointer.Find(metadata, ["dependencies"]) is not DocSeq { Count: > 0 } dependencies)
        {
            return;
        }

        Directory.CreateDirectory(Path.Combine(chart, "charts"));
        foreach (var dependency in dependencies.OfType<DocMap>())
        {
            var (name, version, repository) = (DocPointer.String(dependency, "name") ?? "", DocPointer.String(dependency, "version") ?? "", DocPointer.String(dependency, "repository") ?? "");
            if (chartCache is null)
            {
                var built = helm.Run(["dependency", "build", chart], chart);
                if (built.ExitCode != 0)
                {
                    throw new InfraGenException([RenderErrors.ChartPackageMissing(app, name, version, repository, $"`helm dependency build` failed ({built.Error.Trim()}) and no chart cache was given", default)]);
                }

                return;
            }

            var package = Path.Combine(chartCache, $"{name}-{version}.tgz");
            if (!File.Exists(package))
            {
                throw new InfraGenException([RenderErrors.ChartPackageMissing(app, name, version, repository, $"the chart cache {chartCache} has no {Path.GetFileName(package)}", default)]);
            }

            File.Copy(package, Path.Combine(chart, "charts", Path.GetFileName(package)), overwrite: true);
        }
    }

    private static string? ObjectNamespace(DocMap document, string releaseNamespace) =>
        DocPointer.String(document, "metadata", "namespace") ?? releaseNamespace;

    /// <summary>The Application of an app file (after its AppProject; a tree of an older InfraGen holds it alone).</summary>
    private static DocMap ReadApplication(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Rendering.ArgoCdManifests.ApplicationIn(stream.Documents.Select(d => ManifestReader.ToDoc(d.RootNode)).OfType<DocNode>()) ?? new DocMap();
    }

    private static DocMap ReadMap(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Count > 0 && ManifestReader.ToDoc(stream.Documents[0].RootNode) is DocMap map ? map : new DocMap();
    }

    private static string FileHash(string file) => File.Exists(file) ? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))) : "missing";

    /// <summary>The chart's files (its own, not fetched dependencies) by path and bytes.</summary>
    private static string ChartHash(string chart)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var charts = Path.Combine(chart, "charts") + Path.DirectorySeparatorChar;
        foreach (var file in Directory.EnumerateFiles(chart, "*", SearchOption.AllDirectories).Where(f => !f.StartsWith(charts, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(chart, file).Replace('\\', '/') + "\0"));
            hash.AppendData(File.ReadAllBytes(file));
            hash.AppendData([0]);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
