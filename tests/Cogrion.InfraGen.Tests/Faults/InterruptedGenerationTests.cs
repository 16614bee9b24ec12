using System.Diagnostics;
using System.Globalization;
using System.Text;
using Cogrion.InfraGen.Output;
using Cogrion.InfraGen.Tests.Support;
using CsCheck;
using Xunit.Abstractions;

namespace Cogrion.InfraGen.Tests.Faults;

/// <summary>
/// A generation killed at any point (SIGKILL: no cleanup code runs) leaves every file in out/ with its old or its
/// new bytes, never a torn mix, and the next run repairs the tree, temporary files of the killed runs included.
/// </summary>
[Trait("Speed", "Slow")]
public sealed class InterruptedGenerationTests(ITestOutputHelper log) : IDisposable
{
    /// <summary>Bulk templates per variant: switching variants rewrites 64 files of 256 KiB, so kills land mid-write.</summary>
    private const int BulkFiles = 64;
    private const int BulkKilobytes = 256;

    private readonly ScratchTree _scratch = new();

    [Fact]
    public void A_generation_killed_at_random_points_leaves_every_file_whole_and_the_next_run_restores_the_committed_tree()
    {
        // Three targets, in turn: two bulk variants (a switch rewrites every bulk file) and the real model (a switch
        // rewrites every header and prunes every bulk file), so kills land in writes, renames and deletions.
        var targets = new[] { _scratch.Variant("a", BulkFiles, BulkKilobytes), _scratch.Variant("b", BulkFiles, BulkKilobytes), _scratch.RealModelInto };
        var variants = new[] { "a", "b", null };
        var expected = new[] { ScratchTree.Expected(targets[0]), ScratchTree.Expected(targets[1]), _scratch.Committed };
        var allowed = expected.SelectMany(e => e).ToLookup(e => e.Key, e => e.Value, StringComparer.Ordinal);
        var random = new PCG(2, PropertyRun.Seed);
        var iterations = PropertyRun.Iterations(12);
        log.WriteLine($"{iterations} kills, kill points from INFRAGEN_PROPERTY_SEED={PropertyRun.Seed}");

        var clock = Stopwatch.StartNew();
        var whole = ModelProgramProcess.Run("generate", targets[0]);
        var runTime = clock.Elapsed;
        Assert.True(whole.WaitForExit() == 0, whole.ToString());
        Assert.Equal(expected[0], ScratchTree.Hashes(_scratch.Out));
        log.WriteLine($"an uninterrupted run takes {runTime.TotalMilliseconds:0} ms");

        var midWrite = 0;
        var before = ScratchTree.Hashes(_scratch.Out);
        for (var i = 0; i < iterations; i++)
        {
            var target = (i + 1) % targets.Length;
            using var run = ModelProgramProcess.Start("generate", targets[target]);
            var when = KillPoint(run, random, runTime, variants[target]);
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
            log.WriteLine($"kill {i,2}: toward {variants[target] ?? "the real model",-14} {when,-30} {stage,-15} temporary files left: {temps.Count}");
            before = after;
        }

        var repair = ModelProgramProcess.Run("generate", _scratch.RealModelInto);

        Assert.True(repair.WaitForExit() == 0, repair.ToString());
        Assert.DoesNotContain("another run is using", repair.Error, StringComparison.Ordinal);
        Assert.Equal(_scratch.Committed, ScratchTree.Hashes(_scratch.Out)); // Byte for byte; no temporary file left.
        log.WriteLine($"{midWrite} of {iterations} kills landed mid-write; the next run restored the committed tree.");
        Assert.True(midWrite > 0, "No kill landed while files were being written, so this run did not test interruption; see the log for the kill points.");
    }

    /// <summary>
    /// Waits for the kill point: a third of the time a random moment of a whole run; else once a random number of the
    /// bulk templates the run changes are done (written with the target's text, or pruned), but not all of them.
    /// </summary>
    private string KillPoint(ModelProgramProcess run, PCG random, TimeSpan runTime, string? variant)
    {
        var start = BulkDone(variant);
        var remaining = BulkFiles - start;
        if (random.Next(3) == 0 || remaining < 2)
        {
            var delay = (int)random.Next((uint)runTime.TotalMilliseconds);
            Thread.Sleep(delay);
            return $"at {delay} ms";
        }

        var files = 1 + (int)random.Next((uint)remaining - 1);
        var clock = Stopwatch.StartNew();
        while (!run.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60) && BulkDone(variant) - start < files)
        {
            Thread.Yield();
        }

        return $"after {files} of {remaining} bulk files";
    }

    /// <summary>How many bulk templates in out/ are as the target has them: with its variant's text, or (real model) gone.</summary>
    private int BulkDone(string? variant)
    {
        var templates = Path.Combine(_scratch.Out, "charts", "control-plane", "templates");
        var done = 0;
        var head = new byte[512];
        for (var i = 0; i < BulkFiles; i++)
        {
            var file = Path.Combine(templates, $"bulk-{i.ToString("D3", CultureInfo.InvariantCulture)}.yaml");
            try
            {
                using var stream = File.OpenRead(file);
                var read = stream.Read(head);
                done += variant is not null && Encoding.UTF8.GetString(head, 0, read).Contains($"bulk template {variant},", StringComparison.Ordinal) ? 1 : 0;
            }
            catch (FileNotFoundException)
            {
                done += variant is null ? 1 : 0;
            }
        }

        return done;
    }

    /// <summary>Where the killed run was: before writing, mid-write (some of its changes made, some not), or done.</summary>
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
