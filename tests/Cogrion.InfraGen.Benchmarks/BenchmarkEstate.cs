using Cogrion.Infra;
using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Rendering;
using Cogrion.InfraGen.Validation;

namespace Cogrion.InfraGen.Benchmarks;

/// <summary>
/// An estate loaded, rendered and checked once, for benchmarks that time one stage: the real model (<c>real</c>) or a
/// synthetic one of N clusters (<c>synthetic N</c>). Its output directory is a scratch folder (tmpfs), never out/.
/// </summary>
public sealed class BenchmarkEstate : IDisposable
{
    private readonly SyntheticEstate? _synthetic;
    private readonly string _scratch;

    /// <summary>The estates the benchmarks run on.</summary>
    public static IEnumerable<string> Names => ["real", "synthetic 100", "synthetic 1000"];

    public BenchmarkEstate(string name)
    {
        _scratch = Path.Combine(Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath(), "infragen-bench-" + Guid.NewGuid().ToString("N"));
        if (name == "real")
        {
            Model = ModelLoader.Load(new CogrionEstate().Define(), SyntheticEstate.RealModel());
        }
        else
        {
            _synthetic = SyntheticEstate.Create(int.Parse(name["synthetic ".Length..], System.Globalization.CultureInfo.InvariantCulture));
            Model = _synthetic.Load();
        }

        Tree = TreeRenderer.Render(Model);
        var problems = TreeValidator.Validate(Model, Tree);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"The benchmark tree does not validate: {problems[0].Message}");
        }

        OutDirectory = Path.Combine(_scratch, "out");
    }

    /// <summary>The estate loaded and checked.</summary>
    public ResolvedEstate Model { get; }

    /// <summary>Its tree, rendered and valid.</summary>
    public RenderedTree Tree { get; }

    /// <summary>Where benchmarks write the tree: a scratch folder, removed on dispose.</summary>
    public string OutDirectory { get; }

    public void Dispose()
    {
        _synthetic?.Dispose();
        if (Directory.Exists(_scratch))
        {
            Directory.Delete(_scratch, recursive: true);
        }
    }
}
