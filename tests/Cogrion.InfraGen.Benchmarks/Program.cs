using System.Diagnostics;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Cogrion.InfraGen.Benchmarks;
using Cogrion.InfraGen.Rendering;
using Cogrion.InfraGen.Validation;
using Cogrion.InfraGen.Validation.Schemas;

// `scale --clusters N --apps M --out DIR`: the whole pipeline once, stage by stage (ScaleCommand).
if (args is ["scale", ..])
{
    return ScaleCommand.Run(args);
}

// `validate-once [clusters]` times one cold run of each stage (a fresh process: schema builds and JIT included).
// Anything else goes to BenchmarkDotNet, in process (the model project's build is not repeated per benchmark).
if (args is ["validate-once", ..])
{
    var clusters = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000;
    var clock = Stopwatch.StartNew();
    UpstreamSchemas.Prepare();
    using var estate = SyntheticEstate.Create(clusters);
    var model = estate.Load();
    var loaded = clock.Elapsed;
    var tree = TreeRenderer.Render(model);
    var rendered = clock.Elapsed;
    var problems = TreeValidator.Validate(model, tree);
    var validated = clock.Elapsed;
    var facts = new TreeFacts(model, tree);
    _ = new Cogrion.InfraGen.Validation.Rules.UpstreamSchemaRule().Check(facts).Count();
    _ = new Cogrion.InfraGen.Validation.Rules.ValuesSchemaRule().Check(facts).Count();
    Console.WriteLine($"{clusters} clusters, {tree.Files.Count} files, {problems.Count} problems, {facts.Verdicts.Evaluations} schema evaluations");
    Console.WriteLine($"load {loaded.TotalMilliseconds:F0} ms, render {(rendered - loaded).TotalMilliseconds:F0} ms, validate (cold) {(validated - rendered).TotalMilliseconds:F0} ms");
    var warm = new TreeFacts(model, tree);
    _ = warm.Values;
    foreach (var rule in TreeValidator.Rules)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var ruleClock = Stopwatch.StartNew();
        var found = rule.Check(warm).Count();
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"  {rule.GetType().Name,-26} {ruleClock.Elapsed.TotalMilliseconds,8:F1} ms wall {cpuUsed.TotalMilliseconds,8:F1} ms CPU (warm, {found} found)");
    }
    return 0;
}

var config = DefaultConfig.Instance
    .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(10));
BenchmarkSwitcher.FromAssembly(typeof(ValidationBenchmarks).Assembly).Run(args, config);
return 0;
