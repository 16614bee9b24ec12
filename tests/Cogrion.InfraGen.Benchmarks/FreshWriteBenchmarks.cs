using BenchmarkDotNet.Attributes;
using Cogrion.InfraGen.Output;

namespace Cogrion.InfraGen.Benchmarks;

/// <summary>Writing a whole tree into an empty directory (a first generation), against plain writes of the same bytes.</summary>
[MemoryDiagnoser]
public class FreshWriteBenchmarks
{
    private BenchmarkEstate _estate = null!;
    private (string Path, byte[] Bytes)[] _bytes = [];

    [ParamsSource(nameof(Estates))]
    public string Estate { get; set; } = "real";

    public static IEnumerable<string> Estates => BenchmarkEstate.Names;

    [GlobalSetup]
    public void Setup()
    {
        _estate = new BenchmarkEstate(Estate);
        _bytes = FloorWrite.Encode(_estate.Tree);
    }

    [GlobalCleanup]
    public void Cleanup() => _estate.Dispose();

    [IterationSetup]
    public void Empty()
    {
        if (Directory.Exists(_estate.OutDirectory))
        {
            Directory.Delete(_estate.OutDirectory, recursive: true);
        }
    }

    [Benchmark(Description = "write, empty directory")]
    public int WriteFresh() => TreeWriter.Write(_estate.Tree, _estate.OutDirectory).Written.Count;

    /// <summary>The floor: the same bytes (encoded beforehand), plain sequential writes into an empty directory.</summary>
    [Benchmark(Description = "plain writes (floor)")]
    public int Floor()
    {
        FloorWrite.Write(_bytes, _estate.OutDirectory);
        return _bytes.Length;
    }
}
