using System.Diagnostics;
using System.Globalization;
using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Rendering;

namespace Cogrion.InfraGen.Output;

/// <summary>
/// Keeps two runs from using one output directory at the same time (two <c>dotnet build</c>s, or the tool and a build):
/// an operating-system lock on <c>out/.infragen.lock</c>, so the tree on disk is always one generation's whole output.
/// A generation holds it exclusively from rendering to the last write; <c>check</c> holds it shared while it reads, so
/// it never compares a half-written tree and a generation waits only for that read. The OS releases the lock when
/// its process ends, killed or not, so a crashed run never blocks the next one. While another run holds it, this one
/// says so and waits, up to <see cref="DefaultTimeout"/> (or <c>INFRAGEN_LOCK_TIMEOUT</c> seconds), then stops
/// with INFRA3002 rather than hang.
/// </summary>
/// <remarks>
/// The lock file stays in place (out/.gitignore, generated, keeps it out of git; it is never drift and never pruned):
/// deleting a lock file that another process has open would let a third one lock a new file of the same name.
/// Not reentrant: <c>InfraPipeline.Generate</c> takes it, so code that holds it (to change a model
/// file and regenerate as one step) writes with <c>TreeWriter.Write(InfraPipeline.Render(…))</c> instead, which would
/// otherwise wait for itself.
/// </remarks>
public sealed class OutDirectoryLock : IDisposable
{
    /// <summary>The environment variable that sets how many seconds to wait for another run.</summary>
    public const string TimeoutVariable = "INFRAGEN_LOCK_TIMEOUT";

    /// <summary>How long a run waits for another one by default: long enough for a very large estate.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan LongestPoll = TimeSpan.FromMilliseconds(500);

    private readonly FileStream? _held;

    private OutDirectoryLock(FileStream? held) => _held = held;

    /// <summary>The wait set by <c>INFRAGEN_LOCK_TIMEOUT</c> (seconds), else <see cref="DefaultTimeout"/>.</summary>
    public static TimeSpan ConfiguredTimeout =>
        double.TryParse(Environment.GetEnvironmentVariable(TimeoutVariable), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : DefaultTimeout;

    /// <summary>
    /// Locks <paramref name="outDirectory"/> for a generation, creating it and the lock file as needed; waits while
    /// another run holds it, printing why to <paramref name="status"/>. Refuses (INFRA3001) a directory InfraGen does
    /// not own before creating anything in it.
    /// </summary>
    public static OutDirectoryLock ForWriting(string outDirectory, TextWriter status, TimeSpan? timeout = null)
    {
        var root = Path.GetFullPath(outDirectory);
        TreeWriter.EnsureOwned(root);
        try
        {
            Directory.CreateDirectory(root);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InfraGenException([ModelErrors.WriteFailed(root, e.Message, written: 0, others: 0)]); // A file above it, a read-only file system.
        }

        return new OutDirectoryLock(Acquire(root, exclusive: true, status, timeout ?? ConfiguredTimeout));
    }

    /// <summary>
    /// Locks <paramref name="outDirectory"/> for reading (several readers at once), waiting while a generation writes
    /// it. Creates nothing: without a lock file no generation has ever written there, and there is nothing to wait for.
    /// </summary>
    public static OutDirectoryLock ForReading(string outDirectory, TextWriter status, TimeSpan? timeout = null)
    {
        var root = Path.GetFullPath(outDirectory);
        var held = File.Exists(Path.Combine(root, TreeLayout.LockFile)) ? Acquire(root, exclusive: false, status, timeout ?? ConfiguredTimeout) : null;
        return new OutDirectoryLock(held);
    }

    /// <summary>Releases the lock (the file stays).</summary>
    public void Dispose() => _held?.Dispose();

    private static FileStream? Acquire(string root, bool exclusive, TextWriter status, TimeSpan timeout)
    {
        var path = Path.Combine(root, TreeLayout.LockFile);
        var waited = Stopwatch.StartNew();
        var poll = TimeSpan.FromMilliseconds(25);
        var announced = false;
        while (true)
        {
            try
            {
                // FileShare.None takes the OS lock exclusively (flock on Unix, a share mode on Windows); FileShare.Read
                // takes it shared.
                var held = exclusive
                    ? new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None)
                    : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
                if (announced)
                {
                    status.WriteLine($"infragen: the other run finished; continuing after {waited.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s.");
                }

                return held;
            }
            catch (FileNotFoundException) when (!exclusive)
            {
                return null; // Removed by hand since we looked: nothing to wait for.
            }
            catch (IOException e) when (IsHeldByAnotherRun(e))
            {
                if (waited.Elapsed >= timeout)
                {
                    throw new InfraGenException([ModelErrors.OutDirectoryBusy(root, path, timeout)]);
                }

                if (!announced)
                {
                    announced = true;
                    status.WriteLine(
                        $"infragen: another run is using {root} (a generation writing it, or a check reading it; it holds {TreeLayout.LockFile}). " +
                        $"Waiting for it to finish, at most {timeout.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s ({TimeoutVariable} sets this)...");
                }

                Thread.Sleep(poll);
                poll = poll * 2 < LongestPoll ? poll * 2 : LongestPoll;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InfraGenException([ModelErrors.OutDirectoryUnlockable(path, e.Message)]);
            }
        }
    }

    /// <summary>The error a file open gives when another handle holds the OS lock, as opposed to a real I/O failure.</summary>
    private static bool IsHeldByAnotherRun(IOException e) => OperatingSystem.IsWindows()
        ? (e.HResult & 0xFFFF) is 32 or 33 // ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
        : e.HResult is 11 or 35; // EWOULDBLOCK on Linux, on macOS and the BSDs
}
