using BenchmarkDotNet.Attributes;

namespace Cogrion.InfraGen.Benchmarks;

/// <summary>Benchmarks run once per estate of <see cref="BenchmarkEstate.Names"/>, each set up before its benchmarks run.</summary>
public abstract class EstateBenchmarks
{
    /// <summary>The estate, loaded, rendered and checked.</summary>
    protected BenchmarkEstate Current { get; private set; } = null!;

    [ParamsSource(nameof(Estates))]
    public string Estate { get; set; } = "real";

    public static IEnumerable<string> Estates => BenchmarkEstate.Names;

    [GlobalSetup]
    public void Setup()
    {
        Current = new BenchmarkEstate(Estate);
        Prepare();
    }

    [GlobalCleanup]
    public void Cleanup() => Current.Dispose();

    /// <summary>What a benchmark class needs besides the estate.</summary>
    protected abstract void Prepare();
}
