using System.Diagnostics;
using Cogrion.InfraGen.Hosting;

namespace Cogrion.InfraGen.Cli;

/// <summary>
/// The model project (an Exe whose generated Main hosts the pipeline): built with <c>dotnet build</c> and run with
/// <c>dotnet model.dll verb …</c>, so the tool needs no reflection and loads no model assembly itself.
/// </summary>
internal sealed class ModelProgram
{
    private readonly string _project;
    private readonly TextWriter _error;

    private ModelProgram(string project, TextWriter error)
    {
        _project = project;
        _error = error;
    }

    /// <summary>The model directory's one project file; reports and returns null when there is none or several.</summary>
    public static ModelProgram? Find(string modelDirectory, TextWriter error)
    {
        var projects = Directory.Exists(modelDirectory) ? Directory.GetFiles(modelDirectory, "*.csproj") : [];
        if (projects.Length == 1)
        {
            return new ModelProgram(projects[0], error);
        }

        error.WriteLine(projects.Length == 0
            ? $"infragen: error INFRA1010: no model project (*.csproj) in {modelDirectory}; pass --model with the directory of the model project."
            : $"infragen: error INFRA1010: several projects in {modelDirectory} ({string.Join(", ", projects.Select(Path.GetFileName))}); the model directory holds one.");
        return null;
    }

    /// <summary>
    /// Builds the model without generating (the verb decides what to write) and returns the program's path, or null
    /// after printing the build's errors.
    /// </summary>
    public string? Build() =>
        TargetPath(["build", _project, "-t:Build", "-p:InfraGenGenerateOnBuild=false", "-getProperty:TargetPath", "-nologo", "-v:q"], "build");

    /// <summary>The program's path as last built; null (reported) when it was never built.</summary>
    public string? LastBuilt()
    {
        var path = TargetPath(["msbuild", _project, "-getProperty:TargetPath", "-nologo"], "evaluate");
        if (path is not null && !File.Exists(path))
        {
            _error.WriteLine($"infragen: error INFRA1011: the model program {path} is not built; run without --no-build.");
            return null;
        }

        return path;
    }

    /// <summary>Runs the built model program with <paramref name="args"/>, sharing this console; returns its exit code.</summary>
    public int Run(string assembly, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo(Dotnet) { UseShellExecute = false };
        start.ArgumentList.Add(assembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>The dotnet host: the one running this tool when known (as under the SDK), else dotnet on the PATH.</summary>
    private static string Dotnet =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath!
        : "dotnet";

    private string? TargetPath(string[] arguments, string what)
    {
        var start = new ProcessStartInfo(Dotnet) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (process.ExitCode == 0 && lines.Length > 0 && lines[^1].EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            return lines[^1];
        }

        _error.Write(output);
        _error.Write(error.Result);
        _error.WriteLine($"infragen: error INFRA1011: could not {what} the model project {_project} (exit code {process.ExitCode}).");
        return null;
    }
}
