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
/// an unchanged tree written as 0 files. total_ms is the process's wall time from its start to the end of the write.
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

        var stages = new Stages();
        Hosting.OneShotProcess.SuspendCollections(); // As the model program does (InfraGenHost.Run).
        UpstreamSchemas.Prepare(); // As InfraPipeline.Render does: schemas build while the model loads and renders.
        using var estate = SyntheticEstate.Create(clusters, apps, outDirectory);
        stages.End("model setup", "the synthetic model's directory: chart templates, releases.yaml");
        var model = estate.Load();
        stages.End("load", "checks, and the values of every app on every cluster");
        var tree = TreeRenderer.Render(model);
        var render = stages.End("render", $"{tree.Files.Count} files in memory");
        var problems = TreeValidator.Validate(model, tree);
        stages.End("validate", $"every rule; {problems.Count} problems");
        if (problems.Count > 0)
        {
            Console.Error.WriteLine($"scale: the synthetic tree does not validate ({problems.Count} problems), first: {problems[0].Message}");
            return 1;
        }

        var report = TreeWriter.Write(tree, estate.Paths.OutDirectory);
        var write = stages.End("write", $"{report.Written.Count} written, {report.Unchanged} unchanged, {report.Deleted.Count} removed");
        var total = DateTime.Now - Process.GetCurrentProcess().StartTime;
        var floor = FloorWrite.Measure(tree, estate.Paths.OutDirectory);
        var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);

        stages.Print(Console.Out);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            floor          {floor.TotalMilliseconds,7:F0} ms   the same bytes, plain writes to a fresh directory
            render+write   {(render + write).TotalMilliseconds,7:F0} ms   {(render + write) / floor,4:F1} x floor
            gc             {GC.GetTotalPauseDuration().TotalMilliseconds,7:F0} ms   paused ({GC.CollectionCount(0)} collections, {GC.CollectionCount(1)} of gen 1, {GC.CollectionCount(2)} of gen 2)
            jit            {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds,7:F0} ms   {System.Runtime.JitInfo.GetCompiledMethodCount()} methods compiled, on every thread
            cpu            {Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds,7:F0} ms   user + system, every thread
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

    /// <summary>Wall time and allocations of each stage, from the process's start.</summary>
    private sealed class Stages
    {
        private readonly List<(string Name, TimeSpan Time, long Bytes, string Note)> _done = [];
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private long _allocated = GC.GetTotalAllocatedBytes();

        public Stages() => _done.Add(("runtime start", DateTime.Now - Process.GetCurrentProcess().StartTime, _allocated, "process start to Main"));

        public TimeSpan End(string name, string note)
        {
            var time = _clock.Elapsed;
            var allocated = GC.GetTotalAllocatedBytes();
            _done.Add((name, time, allocated - _allocated, note));
            _clock.Restart();
            _allocated = allocated;
            return time;
        }

        public void Print(TextWriter output)
        {
            foreach (var (name, time, bytes, note) in _done)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-14} {time.TotalMilliseconds,7:F0} ms {bytes / (1024.0 * 1024.0),6:F0} MB allocated   {note}"));
            }
        }
    }
}
