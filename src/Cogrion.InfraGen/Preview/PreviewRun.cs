using System.Diagnostics;
using System.Formats.Tar;
using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Helm;
using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Pipeline;
using Cogrion.InfraGen.Rendered;

namespace Cogrion.InfraGen.Preview;

/// <summary>How a preview runs: the base revision, and Helm and its charts as for the render check.</summary>
public sealed record PreviewOptions(string Base = "HEAD", string? HelmPath = null, string? ChartCache = null)
{
    /// <summary>Where Helm's output is cached; null: the model's obj/infragen-render.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>A preview of <paramref name="baseRevision"/> with the render check's Helm, chart packages and cache.</summary>
    public static PreviewOptions For(string baseRevision, RenderOptions render) =>
        new(baseRevision, render.HelmPath, render.ChartCache) { CacheDirectory = render.CacheDirectory };
}

/// <summary>What a preview found: every object that changes, and Helm commands run and answered from the cache.</summary>
public sealed record PreviewReport(string Base, IReadOnlyList<ObjectChange> Changes, int Applications, int HelmRuns, int Cached)
{
    /// <summary><c>preview: applications=N changed-apps=A added=X removed=Y changed=Z cached=C</c>.</summary>
    public string Summary =>
        $"preview: applications={Applications} changed-apps={Changes.Select(c => (c.Cluster, c.App)).Distinct().Count()} added={Count(ChangeKind.Added)} removed={Count(ChangeKind.Removed)} changed={Count(ChangeKind.Changed)} cached={Cached}";

    private int Count(ChangeKind kind) => Changes.Count(c => c.Kind == kind);
}

/// <summary>
/// The preview: what the clusters will change when the working model replaces the base revision. The base is the tree
/// committed at that revision (read from git, so its model need not build); the head is the tree the working model
/// renders now (not out/ on disk, which may be stale). Both are rendered by Helm the way Argo CD reads them and compared
/// object by object.
/// </summary>
public static class PreviewRun
{
    public static PreviewReport Run(IInfraCatalog catalog, ModelPaths paths, PreviewOptions options)
    {
        var helm = HelmTool.Locate(options.HelmPath);
        var model = ModelLoader.Load(catalog, paths);
        var tree = InfraPipeline.Render(model);
        var treeName = Path.GetRelativePath(paths.RepoRoot, Path.GetFullPath(paths.OutDirectory)).Replace('\\', '/');
        var cacheDirectory = options.CacheDirectory ?? paths.RenderCacheDirectory;
        var work = Path.Combine(cacheDirectory, "preview", Guid.NewGuid().ToString("N"));
        try
        {
            var head = Path.Combine(work, "head");
            foreach (var (path, file) in tree.Files)
            {
                var target = Path.Combine(head, treeName, path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllBytes(target, Output.TreeWriter.Encode(file));
            }

            var @base = Path.Combine(work, "base");
            ExtractBase(paths.RepoRoot, options.Base, treeName, @base);

            var versions = model.Clusters.ToDictionary(c => c.Name, c => c.KubernetesVersion, StringComparer.Ordinal);
            var cache = new RenderCache(Path.Combine(cacheDirectory, "preview-output"), helm.Version);
            var chartCache = new RenderOptions(ChartCache: options.ChartCache).EffectiveChartCache;
            var manifests = new TreeManifests(helm, cache, chartCache, cluster => versions.GetValueOrDefault(cluster, "1.34.0"));
            var before = manifests.Render(@base, treeName);
            var after = manifests.Render(head, treeName);
            var total = before.Count + after.Count;
            return new PreviewReport(options.Base, ObjectDiff.Compare(before, after), after.Count, total - cache.Hits, cache.Hits);
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // A scratch folder under obj/: the next clean takes it.
            }
        }
    }

    /// <summary>The tree as committed at <paramref name="revision"/>, from <c>git archive</c>.</summary>
    private static void ExtractBase(string repository, string revision, string treeName, string into)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = repository };
        foreach (var argument in (string[])["archive", "--format=tar", revision, "--", treeName])
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InfraGenException([RenderErrors.PreviewFailed($"git cannot be run to read the base revision '{revision}': {e.Message}")]);
        }

        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();
            using var tar = new MemoryStream();
            process.StandardOutput.BaseStream.CopyTo(tar);
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InfraGenException([RenderErrors.PreviewFailed(
                    $"the base revision '{revision}' has no tree {treeName}/ to compare with (git archive: {error.Result.Trim()}); give --base a revision of this repository that holds the generated tree")]);
            }

            tar.Position = 0;
            Directory.CreateDirectory(into);
            TarFile.ExtractToDirectory(tar, into, overwriteFiles: true);
        }
    }
}
