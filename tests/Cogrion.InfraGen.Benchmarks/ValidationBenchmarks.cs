using BenchmarkDotNet.Attributes;
using Cogrion.Infra;
using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Rendering;
using Cogrion.InfraGen.Validation;

namespace Cogrion.InfraGen.Benchmarks;

/// <summary>
/// What validation costs: every rule over the whole rendered tree, for the real model and for a synthetic estate
/// of 1,000 clusters (about 12,000 files). Loading and rendering happen once in setup; schemas are built once per
/// process (as in a real run), every verdict is evaluated afresh in each call.
/// </summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private InfraModel _real = null!;
    private RenderedTree _realTree = null!;
    private SyntheticEstate _synthetic = null!;
    private InfraModel _large = null!;
    private RenderedTree _largeTree = null!;

    /// <summary>Clusters in the synthetic estate.</summary>
    [Params(1000)]
    public int Clusters { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _real = ModelLoader.Load(new CogrionEstate().Define(), SyntheticEstate.RealModel());
        _realTree = TreeRenderer.Render(_real);
        _synthetic = SyntheticEstate.Create(Clusters);
        _large = _synthetic.Load();
        _largeTree = TreeRenderer.Render(_large);
        Require(TreeValidator.Validate(_real, _realTree));
        Require(TreeValidator.Validate(_large, _largeTree));
    }

    [GlobalCleanup]
    public void Cleanup() => _synthetic.Dispose();

    [Benchmark(Description = "validate real model")]
    public int ValidateRealModel() => TreeValidator.Validate(_real, _realTree).Count;

    [Benchmark(Description = "validate synthetic estate")]
    public int ValidateSynthetic() => TreeValidator.Validate(_large, _largeTree).Count;

    [Benchmark(Description = "render synthetic estate (for scale)")]
    public int RenderSynthetic() => TreeRenderer.Render(_large).Files.Count;

    private static void Require(IReadOnlyList<Diagnostics.InfraDiagnostic> problems)
    {
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"The benchmark tree does not validate: {problems[0].Message}");
        }
    }
}
