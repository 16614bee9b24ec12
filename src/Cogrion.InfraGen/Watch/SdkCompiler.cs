using System.Reflection;
using System.Runtime.Loader;
using Cogrion.InfraGen.Diagnostics;

namespace Cogrion.InfraGen.Watch;

/// <summary>
/// The C# compiler <c>watch</c> compiles the model with: the SDK's own Roslyn (<c>sdk/&lt;version&gt;/Roslyn/bincore</c>
/// of the SDK the repository's global.json selects), the compiler <c>dotnet build</c> runs. So the language version and
/// every rule are the build's, nothing is copied beside the model program, and the compiler starts from the SDK's
/// ahead-of-time compiled code rather than being compiled just in time on the first save.
/// </summary>
/// <remarks>
/// The pipeline references the compiler package for compiling only (no runtime assets); the runtime finds the
/// assemblies here, through the default load context's <see cref="AssemblyLoadContext.Resolving"/> event, the first time
/// code that uses them runs. So nothing may touch a compiler type before <see cref="Use"/>.
/// </remarks>
internal static class SdkCompiler
{
    private static string? _directory;

    /// <summary>The directory the compiler is loaded from, once <see cref="Use"/> chose it.</summary>
    public static string? Directory => _directory;

    /// <summary>
    /// Loads the compiler from <paramref name="roslynDirectory"/> (MSBuild's <c>RoslynTargetsPath</c>: its
    /// <c>bincore</c> folder, or the directory itself). Once per process: a second, different directory is refused,
    /// since assemblies loaded once stay loaded.
    /// </summary>
    public static void Use(string roslynDirectory)
    {
        var directory = new[] { Path.Combine(roslynDirectory, "bincore"), roslynDirectory }
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "Microsoft.CodeAnalysis.CSharp.dll")))
            ?? throw new InfraGenException([WatchErrors.CannotStart($"the SDK's C# compiler (Microsoft.CodeAnalysis.CSharp.dll) is not in {roslynDirectory} or its bincore folder")]);
        directory = Path.GetFullPath(directory);
        var chosen = Interlocked.CompareExchange(ref _directory, directory, null);
        if (chosen is null)
        {
            AssemblyLoadContext.Default.Resolving += Resolve;
        }
        else if (!string.Equals(chosen, directory, StringComparison.Ordinal))
        {
            throw new InfraGenException([WatchErrors.CannotStart($"this process already compiles with {chosen}; the model now asks for {directory} (a different SDK): start watch again")]);
        }
    }

    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
    {
        if (_directory is null || name.Name is not { } simple || !simple.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
        {
            return null;
        }

        var path = Path.Combine(_directory, simple + ".dll");
        return File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
    }
}
