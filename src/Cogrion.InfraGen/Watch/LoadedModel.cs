using System.Reflection;
using System.Runtime.Loader;

namespace Cogrion.InfraGen.Watch;

/// <summary>
/// One compiled version of the model, loaded beside the running program in a collectible load context: its catalog is
/// what the pipeline runs over until the next save compiles a newer one, and then the context is unloaded.
/// </summary>
/// <remarks>
/// Everything the new assembly references is shared with the program (the vocabulary, the pipeline, YamlDotNet, the
/// runtime): the program is the model program, built from the same project, so it has them all. Sharing them is what
/// makes the new catalog an <see cref="IInfraCatalog"/> of this process.
/// </remarks>
internal sealed class LoadedModel : IDisposable
{
    private readonly AssemblyLoadContext _context;

    private LoadedModel(AssemblyLoadContext context, IInfraCatalog catalog)
    {
        _context = context;
        Catalog = catalog;
    }

    /// <summary>The catalog the source generator wrote into this version.</summary>
    public IInfraCatalog Catalog { get; }

    /// <summary>
    /// Loads <paramref name="assembly"/> (with its <paramref name="symbols"/>, so an exception in a values function
    /// names its model line) and creates its catalog; null when the assembly has none (no <c>[InfraModel]</c> class).
    /// </summary>
    public static LoadedModel? Load(byte[] assembly, byte[] symbols, int version)
    {
        var context = new AssemblyLoadContext($"infragen-watch-model-{version}", isCollectible: true);
        using var image = new MemoryStream(assembly);
        using var pdb = new MemoryStream(symbols);
        var loaded = context.LoadFromStream(image, pdb);
        if (loaded.GetType(CatalogType) is { } type && Activator.CreateInstance(type) is IInfraCatalog catalog)
        {
            return new LoadedModel(context, catalog);
        }

        context.Unload();
        return null;
    }

    /// <summary>The catalog class the generator writes (<c>InfraGenGenerator.CatalogEmitter</c>).</summary>
    internal const string CatalogType = "Cogrion.InfraGen.Generated.InfraCatalog";

    /// <summary>Lets the runtime collect this version once nothing refers to it any more.</summary>
    public void Dispose() => _context.Unload();

    /// <summary>For tests: the model assembly's load context.</summary>
    internal Assembly[] Assemblies => [.. _context.Assemblies];
}
