using System.Diagnostics;
using System.Text;
using Cogrion.InfraGen.Loading;

namespace Cogrion.InfraGen.Tests.Support;

/// <summary>
/// The real model program (model/, built with these tests: <c>Cogrion.Infra.Model.dll</c> beside them) running a verb
/// as its own process, exactly as the MSBuild step and the tool run it: <c>dotnet Cogrion.Infra.Model.dll generate
/// --model … --out …</c>. What it prints is collected while it runs, so a test can wait for a line.
/// </summary>
public sealed class ModelProgramProcess : IDisposable
{
    /// <summary>A run that has not ended by then is hung: it is killed and the test fails.</summary>
    private static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(3);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private ModelProgramProcess(Process process, string verb)
    {
        _process = process;
        Verb = verb;
    }

    /// <summary>The model program beside the test assembly (a referenced Exe is copied with its runtime config).</summary>
    public static string Program { get; } = Path.Combine(System.AppContext.BaseDirectory, "Cogrion.Infra.Model.dll");

    /// <summary>The process ID (it names the run's temporary files).</summary>
    public int Id => _process.Id;

    /// <summary>The verb it runs.</summary>
    public string Verb { get; }

    /// <summary>Standard output so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Standard error so far.</summary>
    public string Error
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    /// <summary>Whether it has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Starts <c>dotnet Cogrion.Infra.Model.dll &lt;verb&gt; --model … --out …</c>.</summary>
    public static ModelProgramProcess Start(string verb, ModelPaths paths, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Dotnet)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in new[] { Program, verb, "--model", paths.ModelDirectory, "--out", paths.OutDirectory })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var run = new ModelProgramProcess(new Process { StartInfo = start }, verb);
        run._process.OutputDataReceived += (_, e) => Append(run._output, e.Data);
        run._process.ErrorDataReceived += (_, e) => Append(run._error, e.Data);
        run._process.Start();
        run._process.BeginOutputReadLine();
        run._process.BeginErrorReadLine();
        return run;
    }

    /// <summary>Runs the verb to the end and returns its exit code.</summary>
    public static ModelProgramProcess Run(string verb, ModelPaths paths, IReadOnlyDictionary<string, string>? environment = null)
    {
        var run = Start(verb, paths, environment);
        run.WaitForExit();
        return run;
    }

    /// <summary>Waits until standard error holds <paramref name="text"/>; false when the process ended or time ran out first.</summary>
    public bool WaitForError(string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (Error.Contains(text, StringComparison.Ordinal))
            {
                return true;
            }

            if (_process.HasExited)
            {
                _process.WaitForExit(); // Drains the streams.
                return Error.Contains(text, StringComparison.Ordinal);
            }

            Thread.Sleep(10);
        }

        return false;
    }

    /// <summary>Waits for the end (killing a hung run) and returns the exit code.</summary>
    public int WaitForExit()
    {
        if (!_process.WaitForExit(HangLimit))
        {
            Kill();
            Assert.Fail($"{this} did not end within {HangLimit}.");
        }

        _process.WaitForExit(); // Drains the streams.
        return _process.ExitCode;
    }

    /// <summary>Kills it (SIGKILL on Unix: no cleanup runs) and waits until it is gone.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill();
        }
        catch (InvalidOperationException)
        {
            // It ended on its own first.
        }

        _process.WaitForExit();
    }

    /// <summary>What it ran and printed, for assertion messages.</summary>
    public override string ToString() =>
        $"dotnet Cogrion.Infra.Model.dll {Verb} (pid {_process.Id})\n--- stdout\n{Output}\n--- stderr\n{Error}";

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (text)
        {
            text.Append(line).Append('\n');
        }
    }

    /// <summary>The dotnet host running these tests.</summary>
    private static string Dotnet { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath!
        : "dotnet";
}
