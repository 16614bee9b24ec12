using System.Diagnostics;
using System.Globalization;
using Cogrion.InfraGen.Helm;
using Cogrion.InfraGen.Rendered;
using Cogrion.InfraGen.Rendering;
using Cogrion.InfraGen.Validation.Schemas;

namespace Cogrion.InfraGen.Benchmarks;

/// <summary>
/// <c>render-scale --clusters N --helm PATH --chart-cache DIR</c>: the Helm render check over a synthetic estate of N
/// clusters (the real apps), once cold (an empty render cache) and once warm (the same cache, nothing changed), each
/// with its wall time, Helm commands run and the summary line. The cache lives in the estate's scratch folder.
/// </summary>
public static class RenderScaleCommand
{
    public const string Usage = "usage: render-scale --clusters N --helm PATH --chart-cache DIR";

    public static int Run(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            options[args[i]] = args[i + 1];
        }

        if (!options.TryGetValue("--clusters", out var count) || !int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var clusters)
            || !options.TryGetValue("--helm", out var helmPath) || !options.TryGetValue("--chart-cache", out var chartCache))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        UpstreamSchemas.Prepare();
        var helm = HelmTool.Locate(helmPath);
        using var estate = SyntheticEstate.Create(clusters);
        var model = estate.Load();
        var tree = TreeRenderer.Render(model);
        var render = new RenderOptions(ChartCache: chartCache) { CacheDirectory = Path.Combine(estate.Root, "render-cache") };

        var findings = 0;
        foreach (var run in new[] { "cold", "warm" })
        {
            ManifestReader.Memo.Shared.Clear(); // Warm as a new process renders it: the Helm cache on disk, nothing parsed yet.
            var clock = Stopwatch.StartNew();
            var rendered = HelmRenderStage.Render(model, tree, helm, render);
            var helmStage = clock.Elapsed;
            var report = RenderCheck.Run(model, tree, rendered);
            findings = report.Diagnostics.Count;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{run}: {clock.Elapsed.TotalSeconds:F1} s (helm stage {helmStage.TotalSeconds:F1} s, checks {(clock.Elapsed - helmStage).TotalSeconds:F1} s), {rendered.HelmRuns} helm commands run; {report.Summary}"));
            foreach (var diagnostic in report.Diagnostics.Take(5))
            {
                Console.WriteLine("  " + diagnostic.Message);
            }
        }

        return findings == 0 ? 0 : 1;
    }
}
