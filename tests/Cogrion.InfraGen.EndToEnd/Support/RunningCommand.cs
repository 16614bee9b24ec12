using System.Diagnostics;
using System.Text;

namespace Cogrion.InfraGen.EndToEnd.Support;

/// <summary>
/// A long-running process (<c>./infragen watch</c>) started as <see cref="Command"/> starts one, whose output a test
/// reads while it runs: it waits for a line, acts, and waits for the next.
/// </summary>
public sealed class RunningCommand : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private RunningCommand(Process process) => _process = process;

    public int Id => _process.Id;

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

    public static RunningCommand Start(string file, IEnumerable<string> arguments, string workingDirectory)
    {
        // A test run started in the background of a non-interactive shell (nohup, `cmd &` in a script) inherits SIGINT
        // ignored, and an ignored signal stays ignored across exec: the process would never see the Ctrl+C that
        // Interrupt sends, as a person's terminal delivers it. GNU env restores the default before it execs the command.
        var start = OperatingSystem.IsLinux()
            ? Command.StartInfo("env", ["--default-signal=INT", file, .. arguments], workingDirectory, environment: null)
            : Command.StartInfo(file, arguments, workingDirectory, environment: null);
        var running = new RunningCommand(new Process { StartInfo = start });
        running._process.OutputDataReceived += (_, e) => Append(running._output, e.Data);
        running._process.ErrorDataReceived += (_, e) => Append(running._error, e.Data);
        running._process.Start();
        running._process.BeginOutputReadLine();
        running._process.BeginErrorReadLine();
        return running;
    }

    /// <summary>
    /// Waits until standard output holds <paramref name="text"/> more than <paramref name="seen"/> times (so a test
    /// can wait for the next occurrence of a line it saw before); fails with everything printed when it does not.
    /// </summary>
    public void WaitForOutput(string text, TimeSpan timeout, int seen = 0)
    {
        var clock = Stopwatch.StartNew();
        while (Count(Output, text) <= seen)
        {
            Assert.True(!_process.HasExited, $"It ended before printing `{text}`.\n{this}");
            Assert.True(clock.Elapsed < timeout, $"No `{text}` within {timeout}.\n{this}");
            Thread.Sleep(20);
        }
    }

    /// <summary>How many times standard output holds <paramref name="text"/>.</summary>
    public int Seen(string text) => Count(Output, text);

    /// <summary>Sends Ctrl+C (SIGINT) and waits for the end; returns the exit code.</summary>
    public int Interrupt(TimeSpan timeout)
    {
        var kill = Command.Run("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], Environment.CurrentDirectory);
        Assert.True(kill.ExitCode == 0, kill.ToString());
        Assert.True(_process.WaitForExit(timeout), $"It did not stop within {timeout} of Ctrl+C.\n{this}");
        _process.WaitForExit(); // Drains the streams.
        return _process.ExitCode;
    }

    public override string ToString() => $"pid {_process.Id}\n--- stdout\n{Output}\n--- stderr\n{Error}";

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
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
}
