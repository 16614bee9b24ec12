using System.Diagnostics;
using Cogrion.InfraGen.Diagnostics;

namespace Cogrion.InfraGen.Helm;

/// <summary>What a Helm command printed.</summary>
public sealed record HelmResult(int ExitCode, string Output, string Error);

/// <summary>
/// The pinned Helm binary, found and version-checked once per run. Found, in this order, through an explicit path
/// (the <c>--helm</c> option, which the MSBuild property <c>InfraGenHelm</c> passes), the environment variable
/// <c>INFRAGEN_HELM</c>, then <c>PATH</c>. A missing or other-version Helm is one error saying how to get the pinned one:
/// the render check never passes by skipping.
/// </summary>
public sealed class HelmTool
{
    private HelmTool(string path, string version)
    {
        Path = path;
        Version = version;
    }

    /// <summary>The binary.</summary>
    public string Path { get; }

    /// <summary>Its version (the pinned one).</summary>
    public string Version { get; }

    /// <summary>
    /// The version each binary printed, by path, size and time: a process that finds Helm again (promote --preview after
    /// its own checks, the test run) asks an unchanged binary once.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Path, long Length, DateTime Written), string> Versions = new();

    /// <summary>Finds the pinned Helm; throws <see cref="InfraGenException"/> (INFRA4001/INFRA4002) when it cannot.</summary>
    public static HelmTool Locate(string? explicitPath)
    {
        var (path, from) = explicitPath is { Length: > 0 } given ? (given, "--helm (MSBuild InfraGenHelm)")
            : Environment.GetEnvironmentVariable("INFRAGEN_HELM") is { Length: > 0 } variable ? (variable, "INFRAGEN_HELM")
            : (OnPath("helm"), "PATH");
        if (path is null || !File.Exists(path))
        {
            throw new InfraGenException([RenderErrors.HelmMissing(path, from)]);
        }

        string version;
        try
        {
            var binary = new FileInfo(path);
            var key = (binary.FullName, binary.Length, binary.LastWriteTimeUtc);
            if (!Versions.TryGetValue(key, out var known))
            {
                var result = Run(path, ["version", "--template", "{{.Version}}"], workingDirectory: null);
                known = result.ExitCode == 0 ? result.Output.Trim() : $"(exit code {result.ExitCode}: {result.Error.Trim()})";
                if (result.ExitCode == 0)
                {
                    Versions[key] = known; // A failure may pass: the next Locate asks again.
                }
            }

            version = known;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or UnauthorizedAccessException)
        {
            throw new InfraGenException([RenderErrors.HelmMissing(path, from, e.Message)]);
        }

        return version == HelmPin.Version
            ? new HelmTool(System.IO.Path.GetFullPath(path), version)
            : throw new InfraGenException([RenderErrors.HelmWrongVersion(path, from, version)]);
    }

    /// <summary>
    /// Runs Helm with <paramref name="arguments"/>; never throws for a failing command (its exit code says). Helm that
    /// cannot be started any more, or that a signal ended (killed, out of memory), is INFRA4001: nothing it printed is
    /// a verdict on the charts.
    /// </summary>
    public HelmResult Run(IReadOnlyList<string> arguments, string? workingDirectory)
    {
        HelmResult result;
        try
        {
            result = Run(Path, arguments, workingDirectory);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or UnauthorizedAccessException)
        {
            throw new InfraGenException([RenderErrors.HelmMissing(Path, "the pinned Helm found for this run", e.Message)]);
        }

        // On Unix a process ended by a signal reports 128 + the signal; Helm's own failures exit with small codes.
        return !OperatingSystem.IsWindows() && result.ExitCode > 128
            ? throw new InfraGenException([RenderErrors.HelmStopped(Path, arguments[0], result.ExitCode - 128)])
            : result;
    }

    private static HelmResult Run(string path, IReadOnlyList<string> arguments, string? workingDirectory)
    {
        var start = new ProcessStartInfo(path)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Helm reads no user configuration that changes rendering, but keep its caches out of the user's home.
        start.Environment["HELM_CACHE_HOME"] = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "infragen-helm-cache");
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new HelmResult(process.ExitCode, output, error.Result);
    }

    private static string? OnPath(string name)
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = System.IO.Path.Combine(directory, OperatingSystem.IsWindows() ? name + ".exe" : name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
