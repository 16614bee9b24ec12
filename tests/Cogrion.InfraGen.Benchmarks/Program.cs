using System.Runtime.CompilerServices;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.NoEmit;
using Cogrion.InfraGen.Benchmarks;

// `scale --clusters N --apps M --out DIR`: the whole pipeline once, stage by stage (ScaleCommand).
// `validate-once [clusters]`: one cold validation, rule by rule (ValidateOnce).
// `render-scale --clusters N --helm PATH --chart-cache DIR`: the Helm render check cold and warm (RenderScaleCommand).
// `watch-cycle [--repo DIR] [--saves N]`: ./infragen watch's save-to-updated-out/ time, median of N (WatchCycleCommand).
// Anything else goes to BenchmarkDotNet, in process (the model project's build is not repeated per benchmark), without
// emitting code: like the model program, this one runs with dynamic code off (see the .csproj).
return args switch
{
    ["scale", ..] => ScaleCommand.Run(args),
    ["validate-once", ..] => ValidateOnce.Run(args),
    ["render-scale", ..] => RenderScaleCommand.Run(args),
    ["watch-cycle", ..] => WatchCycleCommand.Run(args),
    _ => RunBenchmarks(args),
};

// Apart, so the one-shot commands never load BenchmarkDotNet.
[MethodImpl(MethodImplOptions.NoInlining)]
static int RunBenchmarks(string[] args)
{
    var config = DefaultConfig.Instance
        .AddJob(Job.Default.WithToolchain(InProcessNoEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(10));
    BenchmarkSwitcher.FromAssembly(typeof(PipelineBenchmarks).Assembly).Run(args, config);
    return 0;
}
