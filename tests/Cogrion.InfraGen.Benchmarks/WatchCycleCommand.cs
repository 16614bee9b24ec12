using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Cogrion.InfraGen.Benchmarks;

/// <summary>
/// <c>watch-cycle [--repo DIR] [--saves N]</c>: the save-to-updated-out/ time of <c>./infragen watch</c> on a repository
/// (default: this one). Starts the session, then saves model/Apps/ControlPlane.cs N+1 times with the control plane's
/// image repository alternating between two names, each time timing from the write to the moment
/// out/values/dev-sgp-1/control-plane.yaml holds the new name (polled every 2 ms), and the watch process's user+sys CPU
/// for the save (from /proc). The first save is the warm-up; the median is of the N after it. The file is put back at
/// the end (and the session regenerates out/ from it before it stops).
/// </summary>
public static class WatchCycleCommand
{
    public const string Usage = "usage: watch-cycle [--repo DIR] [--saves N]";

    private const string Original = "\"ghcr.io/cogrion/control-plane\"";

    public static int Run(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            options[args[i]] = args[i + 1];
        }

        var repo = Path.GetFullPath(options.GetValueOrDefault("--repo") ?? Root());
        var saves = int.Parse(options.GetValueOrDefault("--saves") ?? "5", CultureInfo.InvariantCulture);
        var app = Path.Combine(repo, "model", "Apps", "ControlPlane.cs");
        var values = Path.Combine(repo, "out", "values", "dev-sgp-1", "control-plane.yaml");
        var original = File.ReadAllText(app);
        if (!original.Contains(Original, StringComparison.Ordinal))
        {
            Console.Error.WriteLine($"{app} no longer sets {Original}: the benchmark's edit does not apply.");
            return 2;
        }

        using var watch = Start(repo, out var output);
        try
        {
            WaitFor(() => output.ToString().Contains("infragen watch: watching", StringComparison.Ordinal), TimeSpan.FromMinutes(5), watch, output);
            Console.WriteLine($"watch started (pid {watch.Id}); load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
            var times = new List<(double Wall, double Cpu)>();
            for (var i = 0; i <= saves; i++)
            {
                var name = $"ghcr.io/cogrion/control-plane-{(i % 2 == 0 ? "a" : "b")}";
                var cpu = CpuSeconds(watch.Id);
                var clock = Stopwatch.StartNew();
                File.WriteAllText(app, original.Replace(Original, $"\"{name}\"", StringComparison.Ordinal));
                WaitFor(() => Holds(values, $"repository: {name}\n"), TimeSpan.FromMinutes(1), watch, output);
                var wall = clock.Elapsed.TotalSeconds;
                Thread.Sleep(300); // The session prints after writing; let it finish before the next save.
                times.Add((wall, CpuSeconds(watch.Id) - cpu));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(i == 0 ? "warm-up" : $"save {i}")}: {wall:F2} s to the updated out/ (watch CPU {times[^1].Cpu:F2} s)"));
            }

            var measured = times.Skip(1).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"median of {measured.Count}: {Median(measured.Select(t => t.Wall)):F2} s wall, {Median(measured.Select(t => t.Cpu)):F2} s watch CPU (user+sys); load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
            return 0;
        }
        finally
        {
            // Put back, and wait for the session to say it wrote out/ from it (every file, not only the one polled).
            var written = Count(output, "changed in out/");
            File.WriteAllText(app, original);
            WaitFor(() => Count(output, "changed in out/") > written, TimeSpan.FromMinutes(1), watch, output);
            watch.Kill();
            watch.WaitForExit();
        }
    }

    private static Process Start(string repo, out StringBuilder output)
    {
        var start = new ProcessStartInfo(Path.Combine(repo, "infragen")) { WorkingDirectory = repo, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("watch");
        var process = new Process { StartInfo = start };
        var text = new StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            lock (text)
            {
                text.Append(e.Data).Append('\n');
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        output = text;
        return process;
    }

    private static void WaitFor(Func<bool> done, TimeSpan timeout, Process watch, StringBuilder output)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            if (watch.HasExited || clock.Elapsed > timeout)
            {
                throw new InvalidOperationException($"watch {(watch.HasExited ? "ended" : "did not get there in time")}:\n{output}");
            }

            Thread.Sleep(2);
        }
    }

    private static int Count(StringBuilder output, string text)
    {
        lock (output)
        {
            var all = output.ToString();
            var count = 0;
            for (var at = all.IndexOf(text, StringComparison.Ordinal); at >= 0; at = all.IndexOf(text, at + 1, StringComparison.Ordinal))
            {
                count++;
            }

            return count;
        }
    }

    private static bool Holds(string file, string text)
    {
        try
        {
            return File.ReadAllText(file).Contains(text, StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>User+sys CPU of a process, from /proc/PID/stat (clock ticks of 1/100 s).</summary>
    private static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(System.AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cogrion.InfraGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run from the repository, or pass --repo.");
    }
}
