using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace Cogrion.InfraGen.Watch;

/// <summary>
/// Loads the model's analyzers and source generators (InfraGen's own, the SDK's) for the compiler, as the compiler
/// server does: in a load context of their own, sharing the compiler with the host so that both agree on every
/// compiler type. Each is read into memory, not loaded from its file, so a rebuild of the generator is never blocked
/// by a file this process holds open.
/// </summary>
internal sealed class AnalyzerAssemblies : IAnalyzerAssemblyLoader
{
    private readonly AnalyzerLoadContext _context = new();

    public void AddDependencyLocation(string fullPath) => _context.Add(fullPath);

    public Assembly LoadFromPath(string fullPath) => _context.LoadFile(fullPath);

    private sealed class AnalyzerLoadContext() : AssemblyLoadContext("infragen-watch-analyzers")
    {
        private readonly Dictionary<string, string> _locations = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, Assembly> _loaded = new(StringComparer.Ordinal);

        public void Add(string path)
        {
            lock (_locations)
            {
                _locations.TryAdd(Path.GetFileNameWithoutExtension(path), path);
            }
        }

        public Assembly LoadFile(string path)
        {
            Add(path);
            lock (_loaded)
            {
                if (!_loaded.TryGetValue(path, out var assembly))
                {
                    using var bytes = new MemoryStream(File.ReadAllBytes(path));
                    assembly = LoadFromStream(bytes);
                    _loaded.Add(path, assembly);
                }

                return assembly;
            }
        }

        protected override Assembly? Load(AssemblyName name)
        {
            // The compiler and the runtime's own assemblies come from the host; an analyzer's other dependencies from
            // beside the analyzers that were added (the SDK's interop generators share Microsoft.Interop.SourceGeneration).
            if (name.Name is not { } simple || simple.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            {
                return null;
            }

            string? path;
            lock (_locations)
            {
                _locations.TryGetValue(simple, out path);
            }

            return path is not null && File.Exists(path) ? LoadFile(path) : null;
        }
    }
}
