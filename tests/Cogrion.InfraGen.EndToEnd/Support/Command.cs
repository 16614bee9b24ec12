using System.Diagnostics;
using System.Text;

namespace Cogrion.InfraGen.EndToEnd.Support;

/// <summary>What a finished process printed and returned.</summary>
public sealed record CommandResult(string Command, int ExitCode, string Output, string Error)
{
    /// <summary>Everything printed, for assertion messages.</summary>
    public override string ToString() => $"$ {Command}\nexit code {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}

/// <summary>Runs real processes the way a person or CI would, with an environment free of the test run's MSBuild state.</summary>
public static class Command
{
    /// <summary>A process that has not finished by then is hung, not slow: it is killed and the test fails.</summary>
    private static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(15);

    /// <summary>The dotnet host running these tests.</summary>
    public static string Dotnet { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath!
        : "dotnet";

    /// <summary>Runs <paramref name="file"/> and waits for it.</summary>
    public static CommandResult Run(string file, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = StartInfo(file, arguments, workingDirectory, environment);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(HangLimit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        var shown = string.Join(' ', new[] { file }.Concat(start.ArgumentList));
        return new CommandResult(shown, process.ExitCode, output.Result, error.Result);
    }

    /// <summary>How a command starts: output captured as UTF-8, and an environment free of the test run's MSBuild state.</summary>
    public static ProcessStartInfo StartInfo(string file, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // `dotnet test` runs inside MSBuild: its variables would steer the nested builds.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in BuildServers.Variables)
        {
            start.Environment[key] = value;
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // Each build and tool run is a short process: without PGO's instrumentation the suite spends ~12% less CPU.
        start.Environment["DOTNET_TieredPGO"] = "0";
        if (Path.IsPathRooted(Dotnet))
        {
            // An installed tool's launcher finds the runtime through DOTNET_ROOT.
            start.Environment["DOTNET_ROOT"] = Path.GetDirectoryName(new FileInfo(Dotnet).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Dotnet);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return start;
    }

    /// <summary>Runs the dotnet CLI.</summary>
    public static CommandResult DotnetCli(string workingDirectory, params string[] arguments) => Run(Dotnet, arguments, workingDirectory);
}
