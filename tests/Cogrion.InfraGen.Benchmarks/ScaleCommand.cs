using System.Diagnostics;
using System.Globalization;
using Cogrion.InfraGen.Output;
using Cogrion.InfraGen.Rendering;
using Cogrion.InfraGen.Validation;
using Cogrion.InfraGen.Validation.Schemas;

namespace Cogrion.InfraGen.Benchmarks;

/// <summary>
/// <c>scale --clusters N --apps M --out DIR</c>: one cold run of the whole pipeline (load, render, every validation,
/// write) over a synthetic estate, stage by stage, then the same bytes written to a fresh directory with plain file
/// writes (the floor no generator can beat), ending with one summary line. Run it twice on one directory to see
/// an unchanged tree written as 0 files.
/// </summary>
public static class ScaleCommand
{
    public const string Usage = "usage: scale --clusters N [--apps M] --out DIR   (M defaults to 5, the real model's apps)";

    public static int Run(string[] args)
    {
        if (!TryParse(args, out var clusters, out var apps, out var outDirectory))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var process = Process.GetCurrentProcess();
        var startup = DateTime.Now - process.StartTime;
        var clock = Stopwatch.StartNew();
        UpstreamSchemas.Prepare(); // As InfraPipeline.Render does: schemas build while the model loads and renders.
        using var estate = SyntheticEstate.Create(clusters, apps, outDirectory);
        var setup = clock.Elapsed;

        long[] allocated = new long[5];
        allocated[0] = GC.GetTotalAllocatedBytes();
        var model = estate.Load();
        var loaded = clock.Elapsed;
        allocated[1] = GC.GetTotalAllocatedBytes();
        var tree = TreeRenderer.Render(model);
        var rendered = clock.Elapsed;
        allocated[2] = GC.GetTotalAllocatedBytes();
        var problems = TreeValidator.Validate(model, tree);
        var validated = clock.Elapsed;
        allocated[3] = GC.GetTotalAllocatedBytes();
        if (problems.Count > 0)
        {
            Console.Error.WriteLine($"scale: the synthetic tree does not validate ({problems.Count} problems), first: {problems[0].Message}");
            return 1;
        }

        var report = TreeWriter.Write(tree, estate.Paths.OutDirectory);
        var written = clock.Elapsed;
        allocated[4] = GC.GetTotalAllocatedBytes();
        Console.WriteLine($"alloc MB: load {(allocated[1]-allocated[0])>>20} render {(allocated[2]-allocated[1])>>20} validate {(allocated[3]-allocated[2])>>20} write {(allocated[4]-allocated[3])>>20}");
        var floor = FloorWrite.Measure(tree, estate.Paths.OutDirectory);
        var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);

        var render = rendered - loaded;
        var write = written - validated;
        var total = startup + written;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            runtime start  {startup.TotalMilliseconds,8:F0} ms   (process start to Main)
            model setup    {setup.TotalMilliseconds,8:F0} ms   (synthetic model directory: chart templates, releases.yaml)
            load           {(loaded - setup).TotalMilliseconds,8:F0} ms   (Define, checks, values of every app on every cluster)
            render         {render.TotalMilliseconds,8:F0} ms   ({tree.Files.Count} files in memory)
            validate       {(validated - rendered).TotalMilliseconds,8:F0} ms   (every rule; {problems.Count} problems)
            write          {write.TotalMilliseconds,8:F0} ms   ({report.Written.Count} written, {report.Unchanged} unchanged, {report.Deleted.Count} removed)
            floor          {floor.TotalMilliseconds,8:F0} ms   (the same bytes, plain writes to a fresh directory)
            render+write   {(render + write).TotalMilliseconds,8:F0} ms   = {(render + write) / floor,4:F1} x floor
            gc             {GC.GetTotalPauseDuration().TotalMilliseconds,8:F0} ms   paused ({GC.CollectionCount(0)} gen0, {GC.CollectionCount(1)} gen1, {GC.CollectionCount(2)} gen2 collections)
            cpu            {Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds,8:F0} ms   (user + system, all threads, whole process)
            allocated      {GC.GetTotalAllocatedBytes() / (1024.0 * 1024.0),8:F0} MB
            jit            {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds,8:F0} ms   ({System.Runtime.JitInfo.GetCompiledMethodCount()} methods compiled)
            """));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"scale: clusters={clusters} apps={apps} files={tree.Files.Count} written={report.Written.Count} total_ms={total.TotalMilliseconds:F0} floor_ms={floor.TotalMilliseconds:F0} peak_mb={peakMb:F0}"));
        return 0;
    }

    private static bool TryParse(string[] args, out int clusters, out int apps, out string outDirectory)
    {
        clusters = 0;
        apps = 5;
        outDirectory = "";
        for (var i = 1; i < args.Length - 1; i += 2)
        {
            var value = args[i + 1];
            var ok = args[i] switch
            {
                "--clusters" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out clusters),
                "--apps" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out apps),
                "--out" => (outDirectory = value).Length > 0,
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return args.Length % 2 == 1 && clusters >= 1 && apps >= 1 && outDirectory.Length > 0;
    }
}
