using BenchmarkDotNet.Attributes;
using Cogrion.InfraGen.Output;

namespace Cogrion.InfraGen.Benchmarks;

/// <summary>Writing a whole tree into an empty directory (a first generation), against plain writes of the same bytes.</summary>
[MemoryDiagnoser]
[InvocationCount(1)] // Each call needs the empty directory that IterationSetup leaves.
public class FreshWriteBenchmarks : EstateBenchmarks
{
    private (string Path, byte[] Bytes)[] _bytes = [];

    protected override void Prepare() => _bytes = FloorWrite.Encode(Current.Tree);

    [IterationSetup]
    public void Empty()
    {
        if (Directory.Exists(Current.OutDirectory))
        {
            Directory.Delete(Current.OutDirectory, recursive: true);
        }
    }

    [Benchmark(Description = "write, empty directory")]
    public int WriteFresh() => TreeWriter.Write(Current.Tree, Current.OutDirectory).Written.Count;

    /// <summary>The floor: the same bytes (encoded beforehand), plain sequential writes into an empty directory.</summary>
    [Benchmark(Description = "plain writes (floor)")]
    public int Floor()
    {
        FloorWrite.Write(_bytes, Current.OutDirectory);
        return _bytes.Length;
    }
}
