using System.Diagnostics;
using System.Text.Json;

namespace Cogrion.InfraGen.Watch;

/// <summary>
/// How <c>dotnet build</c> compiles the model project: the C# compiler's command line, exactly as MSBuild passes it
/// (sources, references, analyzers and source generators, analyzer config files, defines, language version,
/// warnings as errors, …), and where the SDK's compiler is. Watch compiles from this, so its assembly is the build's.
/// </summary>
/// <param name="ProjectFile">The model project.</param>
/// <param name="Arguments">The compiler's arguments; relative paths are relative to the project's directory.</param>
/// <param name="RoslynDirectory">MSBuild's <c>RoslynTargetsPath</c>: the SDK's compiler.</param>
internal sealed record CompileCommand(string ProjectFile, IReadOnlyList<string> Arguments, string RoslynDirectory)
{
    /// <summary>The directory relative paths in <see cref="Arguments"/> start from.</summary>
    public string BaseDirectory => Path.GetDirectoryName(ProjectFile)!;

    /// <summary>
    /// Asks MSBuild, without compiling: a design-time <c>Compile</c> (what IDEs run) with the compiler's execution
    /// skipped and its command line returned. Restores first; does not build project references (the model program
    /// running watch was built with them). About two seconds; watch asks again only when a project file, or the set of
    /// C# files, changes.
    /// </summary>
    public static CompileCommand Read(string projectFile)
    {
        var start = new ProcessStartInfo(DotnetHost.Path)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(projectFile)!,
        };
        foreach (var argument in new[]
        {
            "msbuild", projectFile, "-restore", "-t:Compile", "-nologo", "-v:q",
            "-p:SkipCompilerExecution=true", "-p:ProvideCommandLineArgs=true",

            // An always-missing input: the compile target runs (and hands over its command line) even when up to date.
            "-p:NonExistentFile=__InfraGenWatchAlwaysCompile__",
            "-p:BuildProjectReferences=false", "-p:InfraGenGenerateOnBuild=false",
            "-getItem:CscCommandLineArgs", "-getProperty:RoslynTargetsPath",
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var command = process.ExitCode == 0 ? Parse(projectFile, output) : null;
        return command ?? throw new Diagnostics.InfraGenException([WatchErrors.NoCompileCommand(projectFile, process.ExitCode, (output + error.Result).Trim())]);
    }

    /// <summary>MSBuild's JSON answer (<c>-getItem</c>, <c>-getProperty</c>); null when it holds no compiler command line.</summary>
    internal static CompileCommand? Parse(string projectFile, string json)
    {
        var start = json.IndexOf('{', StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json[start..]);
        var root = document.RootElement;
        if (!root.TryGetProperty("Items", out var items) || !items.TryGetProperty("CscCommandLineArgs", out var args)
            || !root.TryGetProperty("Properties", out var properties) || !properties.TryGetProperty("RoslynTargetsPath", out var roslyn))
        {
            return null;
        }

        var arguments = args.EnumerateArray().Select(a => a.GetProperty("Identity").GetString()!).ToList();
        return arguments.Count == 0 ? null : new CompileCommand(Path.GetFullPath(projectFile), arguments, Path.GetFullPath(roslyn.GetString()!));
    }
}

/// <summary>The dotnet host: the one running this program when known (as under the SDK or <c>dotnet program.dll</c>), else dotnet on the PATH.</summary>
internal static class DotnetHost
{
    public static string Path { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : System.IO.Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath!
        : "dotnet";
}
