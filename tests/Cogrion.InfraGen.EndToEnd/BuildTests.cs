using System.Text.RegularExpressions;
using Cogrion.InfraGen.EndToEnd.Support;

namespace Cogrion.InfraGen.EndToEnd;

/// <summary><c>dotnet build</c> of the model on a copy of this repository: incremental, and InfraGenCheck.</summary>
[Collection(PackedRepositoryCollection.Name)]
public sealed class BuildTests(PackedRepository packed)
{
    private string Model => Path.Combine(packed.Repo, "model");

    private string Out => Path.Combine(packed.Repo, "out");

    private List<string> RunCopies() =>
        [.. Directory.GetDirectories(Path.Combine(Model, "obj"), "infragen-run", SearchOption.AllDirectories).SelectMany(Directory.GetDirectories).Order(StringComparer.Ordinal)];

    [Fact]
    public void A_no_op_build_runs_no_generation_and_leaves_every_file_in_out_untouched()
    {
        PackedRepository.Succeeds(Command.DotnetCli(Model, "build"));
        var times = Directory.EnumerateFiles(Out, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        var stamp = Directory.GetFiles(Path.Combine(Model, "obj"), "infragen.stamp", SearchOption.AllDirectories).Single();
        var stampTime = File.GetLastWriteTimeUtc(stamp);

        var again = Command.DotnetCli(Model, "build", "-v:n");

        PackedRepository.Succeeds(again);
        Assert.DoesNotContain(" generate --model ", again.Output); // The generation step was skipped, not run.
        Assert.Equal(stampTime, File.GetLastWriteTimeUtc(stamp));
        Assert.Equal(times.Keys.Order(), Directory.EnumerateFiles(Out, "*", SearchOption.AllDirectories).Order());
        Assert.All(times, t => Assert.Equal(t.Value, File.GetLastWriteTimeUtc(t.Key)));
    }

    [Fact]
    public void A_build_while_another_run_holds_out_says_it_waits_and_stops_with_INFRA3002_at_the_timeout()
    {
        PackedRepository.Succeeds(Command.DotnetCli(Model, "build"));
        var template = Directory.GetFiles(Path.Combine(Model, "charts"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        var original = File.ReadAllText(template);
        var snapshot = RepositoryFiles.Snapshot(Out);
        try
        {
            File.AppendAllText(template, "{{- /* touched by a test: the build regenerates */ -}}\n");

            // Another run's lock, as a second build or the tool holds it: the same OS file lock on out/.infragen.lock.
            using (new FileStream(Path.Combine(Out, ".infragen.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
            {
                var build = Command.Run(Command.Dotnet, ["build"], Model, new Dictionary<string, string> { ["INFRAGEN_LOCK_TIMEOUT"] = "2" });

                Assert.True(build.ExitCode != 0, build.ToString());
                Assert.Contains($"infragen: another run is using {Out} (a generation writing it, or a check reading it; it holds .infragen.lock). Waiting", build.Output);
                Assert.Contains("error INFRA3002: Another infragen run has held the lock on", build.Output);
                Assert.DoesNotContain("INFRA3000", build.Output);
            }

            Assert.Equal(snapshot.Keys.Order(), RepositoryFiles.Snapshot(Out).Keys.Order());
            Assert.All(snapshot, f => Assert.Equal(f.Value, File.ReadAllBytes(Path.Combine(Out, f.Key))));
        }
        finally
        {
            File.WriteAllText(template, original);
            RepositoryFiles.Restore(Out, snapshot);
        }
    }

    [Fact]
    public void A_changed_input_regenerates_from_a_run_copy_and_rewrites_only_what_changed()
    {
        PackedRepository.Succeeds(Command.DotnetCli(Model, "build"));
        var times = Directory.EnumerateFiles(Out, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        var launchers = RunCopies(); // The launcher keeps its own.
        File.SetLastWriteTimeUtc(Path.Combine(Model, "releases.yaml"), DateTime.UtcNow); // Newer, same content.

        var build = Command.DotnetCli(Model, "build", "-v:n");

        PackedRepository.Succeeds(build);
        Assert.Matches(@"infragen-run[/\\][0-9a-f]{32}[/\\]Cogrion\.Infra\.Model\.dll\S* generate --model ", build.Output);
        Assert.Matches(@"Creating hard link to copy "".*infragen-r2r[/\\]YamlDotNet\.dll"" to "".*infragen-run[/\\]", build.Output); // Compiled ahead of time.
        Assert.Contains("infragen: 0 written, 0 removed", build.Output);
        Assert.All(times, t => Assert.Equal(t.Value, File.GetLastWriteTimeUtc(t.Key)));
        Assert.Equal(launchers, RunCopies()); // The build's own was removed once the program exited.
    }

    [Fact]
    public void At_the_default_verbosity_a_build_says_what_it_wrote_in_out_and_nothing_when_nothing_changed()
    {
        // Issue 15: a plain `dotnet build` said nothing about what it wrote or deleted in out/.
        PackedRepository.Succeeds(Command.DotnetCli(Model, "build"));
        var releases = Path.Combine(Model, "releases.yaml");
        var committed = File.ReadAllText(releases);
        var snapshot = RepositoryFiles.Snapshot(Out);
        try
        {
            File.WriteAllText(releases, committed.Replace("  temporal: sha-", "  temporal: sha-0", StringComparison.Ordinal));

            var changed = Command.DotnetCli(Model, "build");

            PackedRepository.Succeeds(changed);
            Assert.Matches($@"\n +infragen: 2 written, 0 removed, \d+ unchanged in {Regex.Escape(Out)}\n", changed.Output);
            Assert.Contains("    written  values/dev-sgp-1/temporal.yaml", changed.Output);
            Assert.Contains("    written  values/prod-sgp-1/temporal.yaml", changed.Output);

            File.WriteAllText(releases, committed);
            PackedRepository.Succeeds(Command.DotnetCli(Model, "build"));
            File.SetLastWriteTimeUtc(releases, DateTime.UtcNow); // Generation runs again and finds nothing to do.

            var unchanged = Command.DotnetCli(Model, "build");

            PackedRepository.Succeeds(unchanged);
            Assert.DoesNotContain("infragen:", unchanged.Output);
            Assert.DoesNotContain("written ", unchanged.Output);
        }
        finally
        {
            File.WriteAllText(releases, committed);
            RepositoryFiles.Restore(Out, snapshot);
        }
    }

    [Fact]
    public async Task Two_builds_at_once_from_a_cold_ReadyToRun_cache_both_succeed_and_leave_out_whole()
    {
        // Issue 15: an IDE's build and a terminal's at once, as after a fresh clone. Each compiled the program's
        // dependencies into the one ReadyToRun folder its program ran from, so one build's compiler rewrote the files the
        // other's program had mapped: "Bus error", INFRA3000 (exit code 134, 135 or 139); two runs in three on this
        // machine before the fix. Now each program runs from a run copy no other build writes.
        PackedRepository.Succeeds(Command.DotnetCli(Model, "build"));
        var snapshot = RepositoryFiles.Snapshot(Out);
        var launchers = RunCopies(); // The launcher keeps its own.
        foreach (var cache in Directory.GetDirectories(Path.Combine(Model, "obj"), "infragen-r2r", SearchOption.AllDirectories))
        {
            Directory.Delete(cache, recursive: true);
        }

        File.SetLastWriteTimeUtc(Path.Combine(Model, "releases.yaml"), DateTime.UtcNow); // Both builds generate.

        var builds = await Task.WhenAll(new[] { "ide", "terminal" }.Select(_ => Task.Run(() => Command.DotnetCli(Model, "build"))));

        Assert.All(builds, PackedRepository.Succeeds);
        Assert.All(builds, b => Assert.DoesNotContain("INFRA3000", b.Output));
        Assert.Equal(snapshot.Keys.Order(), RepositoryFiles.Snapshot(Out).Keys.Order());
        Assert.All(snapshot, f => Assert.Equal(f.Value, File.ReadAllBytes(Path.Combine(Out, f.Key))));
        Assert.Equal(launchers, RunCopies());
    }

    [Fact]
    public void The_copy_of_CODEOWNERS_outside_the_tree_is_never_written_silently_at_the_default_verbosity()
    {
        PackedRepository.Succeeds(Command.DotnetCli(Model, "build"));
        var codeOwners = Path.Combine(packed.Repo, ".github", "CODEOWNERS");
        var committed = File.ReadAllBytes(codeOwners);
        try
        {
            File.Delete(codeOwners);
            File.SetLastWriteTimeUtc(Path.Combine(Model, "releases.yaml"), DateTime.UtcNow); // Runs the step; the copy is not an input.

            var build = Command.DotnetCli(Model, "build");

            PackedRepository.Succeeds(build);
            Assert.Contains("written  ../.github/CODEOWNERS  (outside the tree: the model's Repo.CodeOwnersPath", build.Output);
            Assert.Equal(committed, File.ReadAllBytes(codeOwners));
        }
        finally
        {
            File.WriteAllBytes(codeOwners, committed);
        }
    }

    [Fact]
    public void InfraGenCheck_fails_the_build_on_drift_with_the_diff_in_the_log_and_writes_nothing()
    {
        var snapshot = RepositoryFiles.Snapshot(Out);
        var readme = Path.Combine(Out, "README.md");
        try
        {
            File.AppendAllText(readme, "A hand edit.\n");

            var check = Command.DotnetCli(Model, "build", "-p:InfraGenCheck=true");

            Assert.True(check.ExitCode != 0, check.ToString());
            Assert.Contains($"{readme}(", check.Output);
            Assert.Contains("error INFRA3101: out/README.md is changed", check.Output);
            Assert.Contains("-A hand edit.", check.Output);
            Assert.DoesNotContain("MSB3073", check.Output);
            Assert.DoesNotContain("INFRA3000", check.Output);
            Assert.EndsWith("A hand edit.\n", File.ReadAllText(readme));
        }
        finally
        {
            RepositoryFiles.Restore(Out, snapshot);
        }
    }
}
