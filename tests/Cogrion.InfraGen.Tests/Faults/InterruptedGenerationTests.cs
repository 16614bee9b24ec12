using System.Diagnostics;
using Cogrion.InfraGen.Output;
using Cogrion.InfraGen.Tests.Support;
using Xunit.Abstractions;

namespace Cogrion.InfraGen.Tests.Faults;

/// <summary>
/// A generation killed at any point (SIGKILL: no cleanup code runs) leaves every file in out/ with its old or its
/// new bytes, never a torn mix, and the next run repairs the tree, temporary files of the killed runs included.
/// </summary>
public sealed class InterruptedGenerationTests(ITestOutputHelper log) : IDisposable
{
    /// <summary>Bulk templates per variant: switching variants rewrites 64 files of 512 KiB, so kills land mid-write.</summary>
    private const int BulkFiles = 64;
    private const int BulkKilobytes = 512;

    private readonly ScratchTree _scratch = new();

    [Fact]
    public void A_generation_killed_at_random_points_leaves_every_file_whole_and_the_next_run_restores_the_committed_tree()
    {
        // Three targets, in turn: two bulk variants (a switch rewrites every bulk file) and the real model (a switch
        // rewrites every header and prunes every bulk file), so kills land in writes, renames and deletions.
        var targets = new[] { _scratch.Variant("a", BulkFiles, BulkKilobytes), _scratch.Variant("b", BulkFiles, BulkKilobytes), _scratch.RealModelInto };
        var expected = new[] { ScratchTree.Expected(targets[0]), ScratchTree.Expected(targets[1]), _scratch.Committed };
        var allowed = expected.SelectMany(e => e).ToLookup(e => e.Key, e => e.Value, StringComparer.Ordinal);
        var random = new Random((int)(PropertyRun.Seed % int.MaxValue));
        var iterations = PropertyRun.Iterations(18);
        log.WriteLine($"{iterations} kills, kill points from INFRAGEN_PROPERTY_SEED={PropertyRun.Seed}");

        // Calibration: a whole run (to the first variant), then how long a switch to the second spends writing.
        var clock = Stopwatch.StartNew();
        var whole = ModelProgramProcess.Run("generate", targets[0]);
        var runTime = clock.Elapsed;
        Assert.True(whole.WaitForExit() == 0, whole.ToString());
        Assert.Equal(expected[0], ScratchTree.Hashes(_scratch.Out));
        var writeTime = TimeSpan.Zero; // From the first to the last temporary file seen.
        using (var switching = ModelProgramProcess.Start("generate", targets[1]))
        {
            WaitUntilWriting(switching);
            clock.Restart();
            while (!switching.HasExited)
            {
                writeTime = IsWriting(switching) ? clock.Elapsed : writeTime;
                Thread.Yield();
            }

            Assert.True(switching.WaitForExit() == 0, switching.ToString());
        }

        Assert.Equal(expected[1], ScratchTree.Hashes(_scratch.Out));
        log.WriteLine($"an uninterrupted run takes {runTime.TotalMilliseconds:0} ms, of which about {writeTime.TotalMilliseconds:0} ms writing");

        var midWrite = 0;
        for (var i = 0; i < iterations; i++)
        {
            var target = (i + 2) % targets.Length;
            var before = ScratchTree.Hashes(_scratch.Out);
            using var run = ModelProgramProcess.Start("generate", targets[target]);
            var when = KillPoint(run, random, runTime, writeTime);
            run.Kill();

            Assert.DoesNotContain("another run is using", run.Error, StringComparison.Ordinal); // The killed run's lock died with it.
            var after = ScratchTree.Hashes(_scratch.Out);
            var temps = ScratchTree.TempFiles(after);
            foreach (var (path, hash) in after.Where(f => !temps.Contains(f.Key)))
            {
                Assert.True(allowed[path].Contains(hash), $"kill {i} ({when}): out/{path} is neither the old nor the new bytes of any run: torn, or not InfraGen's.");
            }

            var stage = Stage(before, after, expected[target], temps);
            midWrite += stage == "mid-write" ? 1 : 0;
            log.WriteLine($"kill {i,2}: toward {"ab*"[target]} {when,-26} {stage,-16} temp files left: {temps.Count}");
        }

        var repair = ModelProgramProcess.Run("generate", _scratch.RealModelInto);

        Assert.True(repair.WaitForExit() == 0, repair.ToString());
        Assert.DoesNotContain("another run is using", repair.Error, StringComparison.Ordinal);
        Assert.Equal(_scratch.Committed, ScratchTree.Hashes(_scratch.Out)); // Byte for byte; no temporary file left.
        log.WriteLine($"{midWrite} of {iterations} kills landed mid-write; the next run restored the committed tree.");
        Assert.True(midWrite > 0, "No kill landed while files were being written, so this run did not test interruption; see the log for the kill points.");
    }

    /// <summary>
    /// Waits for the kill point: half the time a random moment of a whole run, half the time a random moment of the
    /// writing, after the run's first temporary file appears.
    /// </summary>
    private string KillPoint(ModelProgramProcess run, Random random, TimeSpan runTime, TimeSpan writeTime)
    {
        if (random.Next(2) == 0)
        {
            var delay = random.Next((int)runTime.TotalMilliseconds);
            Thread.Sleep(delay);
            return $"at {delay} ms";
        }

        WaitUntilWriting(run);
        var after = random.Next(Math.Max(1, (int)writeTime.TotalMilliseconds));
        Thread.Sleep(after);
        return $"{after} ms into writing";
    }

    /// <summary>Waits until the run has a temporary file in out/, or has ended.</summary>
    private void WaitUntilWriting(ModelProgramProcess run)
    {
        var clock = Stopwatch.StartNew();
        while (!run.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60) && !IsWriting(run))
        {
            Thread.Yield();
        }
    }

    /// <summary>Whether the run has a temporary file in out/ now (its process ID names them).</summary>
    private bool IsWriting(ModelProgramProcess run) =>
        Directory.EnumerateFiles(_scratch.Out, $"*.{run.Id}{TreeWriter.TempSuffix}", SearchOption.AllDirectories).Any();

    /// <summary>Where the killed run was: before writing, mid-write (some of its files written, some not), or done.</summary>
    private static string Stage(
        IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after, IReadOnlyDictionary<string, string> target, IReadOnlyList<string> temps)
    {
        var files = after.Where(f => !temps.Contains(f.Key)).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        bool Done(string path) => target.TryGetValue(path, out var hash) ? files.GetValueOrDefault(path) == hash : !files.ContainsKey(path);
        var paths = target.Keys.Union(files.Keys).Union(before.Keys).Where(p => !p.EndsWith(TreeWriter.TempSuffix, StringComparison.Ordinal)).ToList();
        var changed = paths.Count(p => before.GetValueOrDefault(p) != files.GetValueOrDefault(p));
        var remaining = paths.Count(p => !Done(p));
        var newTemps = temps.Count(t => !before.ContainsKey(t));
        return (changed, remaining, newTemps) switch
        {
            (_, 0, _) => "done",
            (0, _, 0) => "before writing",
            _ => "mid-write",
        };
    }

    public void Dispose() => _scratch.Dispose();
}
