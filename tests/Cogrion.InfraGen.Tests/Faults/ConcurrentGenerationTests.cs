using Cogrion.InfraGen.Output;
using Cogrion.InfraGen.Tests.Support;
using Xunit.Abstractions;

namespace Cogrion.InfraGen.Tests.Faults;

/// <summary>
/// Two runs on one out/ never interleave: real model-program processes (as two <c>dotnet build</c>s, or the tool and a
/// build, run them) wait for the output directory's lock, say so, and the tree is always one run's whole output.
/// </summary>
[Trait("Speed", "Slow")]
public sealed class ConcurrentGenerationTests(ITestOutputHelper log) : IDisposable
{
    private const string Waiting = "infragen: another run is using";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly ScratchTree _scratch = new();

    [Fact]
    public void A_generation_waits_while_another_run_holds_out_says_so_writes_nothing_and_continues_when_released()
    {
        var model = _scratch.Variant("a", files: 8, kilobytes: 64);
        var before = ScratchTree.Hashes(_scratch.Out);
        var held = OutDirectoryLock.ForWriting(_scratch.Out, TextWriter.Null);

        using var run = ModelProgramProcess.Start("generate", model);

        Assert.True(run.WaitForError(Waiting, Patience), run.ToString());
        Assert.Equal(before, ScratchTree.Hashes(_scratch.Out));
        Assert.False(run.HasExited);
        held.Dispose();
        Assert.True(run.WaitForExit() == 0, run.ToString());
        Assert.Contains("infragen: the other run finished; continuing after", run.Error);
        Assert.Equal(ScratchTree.Expected(model), ScratchTree.Hashes(_scratch.Out));
    }

    [Fact]
    public void Two_generations_started_together_leave_the_whole_output_of_one_of_them()
    {
        var models = new[] { _scratch.Variant("a", files: 16, kilobytes: 128), _scratch.Variant("b", files: 16, kilobytes: 128) };
        var expected = models.Select(ScratchTree.Expected).ToArray();

        var overlapped = 0;
        for (var round = 0; round < 3; round++)
        {
            using var first = ModelProgramProcess.Start("generate", models[round % 2]);
            using var second = ModelProgramProcess.Start("generate", models[(round + 1) % 2]);
            Assert.True(first.WaitForExit() == 0, first.ToString());
            Assert.True(second.WaitForExit() == 0, second.ToString());

            var tree = ScratchTree.Hashes(_scratch.Out);
            var whole = Array.FindIndex(expected, e => SameFiles(e, tree));
            Assert.True(whole >= 0, $"round {round}: out/ is neither run's whole output:\n{first}\n{second}");
            var waited = new[] { first.Error.Contains(Waiting, StringComparison.Ordinal), second.Error.Contains(Waiting, StringComparison.Ordinal) };
            log.WriteLine($"round {round}: out/ is variant {"ab"[whole]}'s output; waited: first {waited[0]}, second {waited[1]}");
            Assert.False(waited[0] && waited[1], $"round {round}: both runs waited for each other:\n{first}\n{second}");
            if (waited[0] || waited[1])
            {
                // The run that waited wrote after the other one had finished: its output is the tree.
                overlapped++;
                Assert.Equal(waited[0] ? round % 2 : (round + 1) % 2, whole);
            }
        }

        // Without an overlap this test saw two runs one after the other, which any writer passes (it did, with the lock
        // removed): at least one round must have had one run wait for the other.
        Assert.True(overlapped > 0, "No round's runs overlapped (neither waited for the lock), so this run did not test concurrency; see the log.");
    }

    [Fact]
    public void A_generation_that_cannot_get_the_lock_in_time_stops_with_INFRA3002_and_writes_nothing()
    {
        var before = ScratchTree.Hashes(_scratch.Out);
        using var held = OutDirectoryLock.ForWriting(_scratch.Out, TextWriter.Null);

        var run = ModelProgramProcess.Run("generate", _scratch.Variant("a", files: 1, kilobytes: 1), new Dictionary<string, string> { [OutDirectoryLock.TimeoutVariable] = "1" });

        Assert.Equal(2, run.WaitForExit());
        Assert.Contains(": error INFRA3002: Another infragen run has held the lock on ", run.Error);
        Assert.Contains("infragen: 1 error(s); out/ was not changed.", run.Error);
        Assert.Equal(before, ScratchTree.Hashes(_scratch.Out));
    }

    [Fact]
    public void Check_waits_for_a_generation_in_progress_instead_of_comparing_a_half_written_tree()
    {
        var held = OutDirectoryLock.ForWriting(_scratch.Out, TextWriter.Null);

        using var check = ModelProgramProcess.Start("check", _scratch.RealModelInto);

        Assert.True(check.WaitForError(Waiting, Patience), check.ToString());
        held.Dispose();
        Assert.True(check.WaitForExit() == 0, check.ToString());
        Assert.Contains("out/ matches the model", check.Output);
    }

    private static bool SameFiles(IReadOnlyDictionary<string, string> expected, IReadOnlyDictionary<string, string> actual) =>
        expected.Count == actual.Count && expected.All(e => actual.TryGetValue(e.Key, out var hash) && hash == e.Value);

    public void Dispose() => _scratch.Dispose();
}
