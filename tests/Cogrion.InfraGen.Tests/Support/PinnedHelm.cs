using System.Diagnostics;
using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Rendered;

namespace Cogrion.InfraGen.Tests.Support;

/// <summary>
/// The pinned Helm and the pinned upstream charts for tests that render. Helm comes from <c>eng/get-helm.sh</c> (it
/// downloads and checks the pinned binary once, then answers from its cache), so a fresh machine gets it by itself: a
/// render test never skips. The charts come from <c>INFRAGEN_CHART_CACHE</c>, else the nearest <c>shared/charts</c>
/// above the repository.
/// </summary>
public static class PinnedHelm
{
    private static readonly Lazy<string> LazyPath = new(Install);
    private static readonly Lazy<string> LazyCharts = new(FindCharts);

    /// <summary>The pinned Helm binary (installed on first use).</summary>
    public static string Path => LazyPath.Value;

    /// <summary>The folder of pinned upstream chart packages.</summary>
    public static string ChartCache => LazyCharts.Value;

    /// <summary>
    /// One render cache for the whole test run: charts and Helm output are keyed by their content, so tests that change
    /// one template render only that chart again.
    /// </summary>
    public static string CacheDirectory { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "infragen-tests-render-cache");

    /// <summary>The same for a verb: <c>--helm</c>, <c>--chart-cache</c> and <c>--render-cache</c>.</summary>
    public static string[] VerbOptions => ["--helm", Path, "--chart-cache", ChartCache, "--render-cache", CacheDirectory];

    /// <summary>Options for rendering with the pinned Helm and charts; <paramref name="app"/>: only that app's findings.</summary>
    public static RenderOptions Options(string? app = null, string? cluster = null) =>
        new(HelmPath: Path, ChartCache: ChartCache, Cluster: cluster, App: app) { CacheDirectory = CacheDirectory };

    private static string Install()
    {
        var script = System.IO.Path.Combine(RepositoryRoot, "eng", "get-helm.sh");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return process.ExitCode == 0 && lines.Length > 0 && File.Exists(lines[^1])
            ? lines[^1]
            : throw new InvalidOperationException($"eng/get-helm.sh could not install the pinned Helm (exit code {process.ExitCode}):\n{output}\n{error.Result}");
    }

    private static string FindCharts()
    {
        if (Environment.GetEnvironmentVariable("INFRAGEN_CHART_CACHE") is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        for (var directory = new DirectoryInfo(RepositoryRoot); directory is not null; directory = directory.Parent)
        {
            var charts = System.IO.Path.Combine(directory.FullName, "shared", "charts");
            if (Directory.Exists(charts))
            {
                return charts;
            }
        }

        throw new InvalidOperationException("No shared/charts folder above the repository and no INFRAGEN_CHART_CACHE: the pinned upstream chart packages are needed to render.");
    }

    private static string RepositoryRoot => RealModel.Paths.RepoRoot;
}
