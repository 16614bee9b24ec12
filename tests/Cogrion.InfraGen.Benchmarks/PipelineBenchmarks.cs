using BenchmarkDotNet.Attributes;
using Cogrion.InfraGen.Output;
using Cogrion.InfraGen.Rendering;
using Cogrion.InfraGen.Validation;

namespace Cogrion.InfraGen.Benchmarks;

/// <summary>
/// Render, validate and write, each alone and warm, on the real model and on synthetic estates (1,000 clusters is about
/// 12,000 files). Schemas are built once per process (as in a real run); every verdict is evaluated afresh in each call.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks : EstateBenchmarks
{
    protected override void Prepare() => TreeWriter.Write(Current.Tree, Current.OutDirectory);

    [Benchmark(Description = "render")]
    public int Render() => TreeRenderer.Render(Current.Model).Files.Count;

    [Benchmark(Description = "render, one thread")]
    public int RenderOneThread() => TreeRenderer.Render(Current.Model, parallel: false).Files.Count;

    [Benchmark(Description = "validate")]
    public int Validate() => TreeValidator.Validate(Current.Model, Current.Tree).Count;

    /// <summary>What most builds do: compare every file with the disk and write none.</summary>
    [Benchmark(Description = "write, unchanged tree")]
    public int WriteUnchanged() => TreeWriter.Write(Current.Tree, Current.OutDirectory).Unchanged;
}
