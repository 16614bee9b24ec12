using System.Diagnostics;
using System.Globalization;
using Cogrion.InfraGen.Rendering;
using Cogrion.InfraGen.Validation;
using Cogrion.InfraGen.Validation.Schemas;

namespace Cogrion.InfraGen.Benchmarks;

/// <summary>
/// <c>validate-once [clusters]</c>: one cold validation of a synthetic estate (a fresh process: schema builds and JIT
/// included), then each rule alone over the same tree, to see where validation's time goes.
/// </summary>
public static class ValidateOnce
{
    public static int Run(string[] args)
    {
        var clusters = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
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
        _ = new Validation.Rules.UpstreamSchemaRule().Check(facts).Count();
        _ = new Validation.Rules.ValuesSchemaRule().Check(facts).Count();
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
}
