using System.Diagnostics;
using Cogrion.InfraGen.Diagnostics;

namespace Cogrion.InfraGen.Cli;

/// <summary>
/// The model project (an Exe whose generated Main hosts the pipeline): built with <c>dotnet build</c> and run with
/// <c>dotnet model.dll verb …</c>, so the tool needs no reflection and loads no model assembly itself.
/// </summary>
internal sealed class ModelProgram
{
    private readonly string _project;

    private ModelProgram(string project) => _project = project;

    /// <summary>The model directory's one project file; INFRA1010 when there is none or several.</summary>
    public static ModelProgram Find(string modelDirectory)
    {
        var projects = Directory.Exists(modelDirectory) ? Directory.GetFiles(modelDirectory, "*.csproj") : [];
        return projects.Length == 1
            ? new ModelProgram(projects[0])
            : throw new InfraGenException([HostErrors.NoModel(projects.Length == 0
                ? $"no model project (*.csproj) in {modelDirectory}; pass --model with the directory of the model project"
                : $"several projects in {modelDirectory} ({string.Join(", ", projects.Select(Path.GetFileName))}); the model directory holds one")]);
    }

    /// <summary>
    /// Builds the model without generating (the verb decides what to write) and makes a run copy of the program that no
    /// other build rewrites while it runs (Cogrion.InfraGen.RunCopy.targets); returns the program in it. Prints the
    /// build's errors and throws INFRA1011 when it fails.
    /// </summary>
    public string Build() =>
        TargetPath(["build", _project, "-t:Build;InfraGenRunCopy", "-p:InfraGenGenerateOnBuild=false", "-getProperty:_InfraGenProgram", "-nologo", "-v:q"], "build");

    /// <summary>The program's path as last built; INFRA1011 when it was never built.</summary>
    public string LastBuilt()
    {
        var path = TargetPath(["msbuild", _project, "-getProperty:TargetPath", "-nologo"], "evaluate");
        return File.Exists(path) ? path : throw new InfraGenException([HostErrors.ModelNotBuilt($"the model program {path} is not built; run without --no-build")]);
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

        using var process = Start(start);
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>Removes the run copy <see cref="Build"/> made, once its program has exited (a copy left behind goes after a day).</summary>
    public static void RemoveRunCopy(string program)
    {
        try
        {
            Directory.Delete(Path.GetDirectoryName(program)!, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>The dotnet host: the one running this tool when known (as under the SDK), else dotnet on the PATH.</summary>
    private static string Dotnet =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath!
        : "dotnet";

    /// <summary>Starts a process; a host that cannot be started is INFRA3005 naming it.</summary>
    private static Process Start(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InfraGenException([HostErrors.FileRefused(e.Message, $"cannot run '{start.FileName}'")]);
        }
    }

    private string TargetPath(string[] arguments, string what)
    {
        var start = new ProcessStartInfo(Dotnet) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Start(start);
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (process.ExitCode == 0 && lines.Length > 0 && lines[^1].EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            return lines[^1];
        }

        // The build's own errors first, in their canonical lines; then why the verb did not run.
        Console.Error.Write(output);
        Console.Error.Write(error.Result);
        throw new InfraGenException([HostErrors.ModelNotBuilt($"could not {what} the model project {_project} (exit code {process.ExitCode})")]);
    }
}
