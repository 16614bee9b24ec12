using System.Diagnostics;

namespace Cogrion.InfraGen.EndToEnd.Support;

/// <summary>
/// The build servers the run's builds share: the C# compiler server (VBCSCompiler), the MSBuild server and its reused
/// worker nodes. This machine's environment turns them off (UseSharedCompilation=false, MSBUILDDISABLENODEREUSE=1), so
/// each of the run's ~50 builds would start MSBuild and csc cold: the end-to-end tests took 380 CPU-seconds so, 212–242
/// with the servers, the largest cost of the whole test run. Builds behave the same with a warm server. A build without
/// them is CI's own `dotnet build` (and, for MSBuild, the concurrent-build test's second build, which finds the MSBuild
/// server busy); no end-to-end build compiles without the compiler server any more.
/// The servers are this test process's own, by pipe name and handshake salt: no other build on the machine reaches
/// them, and <see cref="Stop"/> ends only them (if the test process is killed, they end at their idle timeouts).
/// </summary>
public static class BuildServers
{
    /// <summary>Names this run's servers: the compiler server's pipe and MSBuild's handshake salt.</summary>
    public static string Id { get; } = $"infragen-e2e-{Environment.ProcessId}";

    /// <summary>The environment that makes a build use (and start) this run's servers.</summary>
    public static IReadOnlyDictionary<string, string> Variables { get; } = new Dictionary<string, string>
    {
        ["UseSharedCompilation"] = "true",
        ["SharedCompilationId"] = Id,
        ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "1",
        ["MSBUILDDISABLENODEREUSE"] = "0",
        ["MSBUILDNODEHANDSHAKESALT"] = Id,
    };

    /// <summary>Ends this run's servers (each would otherwise idle for minutes after the run).</summary>
    public static void Stop()
    {
        if (!Directory.Exists("/proc"))
        {
            // Elsewhere: MSBuild finds its server and nodes by the handshake; the compiler server times out by itself.
            Command.Run(Command.Dotnet, ["build-server", "shutdown", "--msbuild"], Path.GetTempPath());
            return;
        }

        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var id) && IsOurs(directory))
            {
                Kill(id);
            }
        }
    }

    /// <summary>The compiler server has our pipe name on its command line; MSBuild's server and nodes our salt in their environment.</summary>
    private static bool IsOurs(string processDirectory) =>
        Read(processDirectory, "cmdline").Contains("-pipename:" + Id + "\0", StringComparison.Ordinal)
        || Read(processDirectory, "environ").Contains("\0MSBUILDNODEHANDSHAKESALT=" + Id + "\0", StringComparison.Ordinal);

    private static string Read(string processDirectory, string file)
    {
        try
        {
            return "\0" + File.ReadAllText(Path.Combine(processDirectory, file));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    private static void Kill(int id)
    {
        try
        {
            using var process = Process.GetProcessById(id);
            process.Kill();
            process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // It ended by itself meanwhile.
        }
    }
}
