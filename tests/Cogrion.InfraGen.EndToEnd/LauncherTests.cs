using Cogrion.InfraGen.EndToEnd.Support;

namespace Cogrion.InfraGen.EndToEnd;

/// <summary>
/// <c>./infragen</c>, the launcher at the repository root (README "The infragen tool"), on the copy of this repository:
/// it runs the verb in the built model program and builds the model only when what the program is compiled from changed.
/// </summary>
[Collection(PackedRepositoryCollection.Name)]
public sealed class LauncherTests(PackedRepository packed)
{
    private const string Building = "infragen: building model/Cogrion.Infra.Model.csproj (its inputs changed since";

    private string Model => Path.Combine(packed.Repo, "model");

    private string Out => Path.Combine(packed.Repo, "out");

    /// <summary>The launcher as a person runs it: <c>./infragen</c>, or <c>infragen.cmd</c> on Windows.</summary>
    private CommandResult Launch(string workingDirectory, params string[] arguments) =>
        OperatingSystem.IsWindows()
            ? Command.Run("cmd.exe", ["/c", Path.Combine(packed.Repo, "infragen.cmd"), .. arguments], workingDirectory)
            : Command.Run(Path.Combine(packed.Repo, "infragen"), arguments, workingDirectory);

    [Fact]
    public void The_launchers_are_committed_as_git_checks_them_out_an_executable_script_and_a_CRLF_command_file()
    {
        var root = RepositoryFiles.FindRoot();
        var staged = Command.Run("git", ["-C", root, "ls-files", "--stage", "--", "infragen", "infragen.cmd"], root);
        Assert.True(staged.ExitCode == 0, staged.ToString());
        Assert.Matches(@"^100755 [0-9a-f]+ 0\tinfragen$", staged.Output.Split('\n')[0]); // `git update-index --chmod=+x`
        Assert.StartsWith("#!/usr/bin/env bash\n", File.ReadAllText(Path.Combine(root, "infragen")));
        var cmd = File.ReadAllText(Path.Combine(root, "infragen.cmd"));
        Assert.DoesNotContain("\n", cmd.Replace("\r\n", "", StringComparison.Ordinal)); // .gitattributes: *.cmd eol=crlf
    }

    [Fact]
    public void Check_passes_from_the_root_from_below_it_and_from_outside_it_building_at_most_once()
    {
        var nowhere = Directory.CreateTempSubdirectory("infragen-launcher-nowhere").FullName;
        var snapshot = RepositoryFiles.Snapshot(Out);
        try
        {
            var first = Launch(packed.Repo, "check");
            Assert.True(first.ExitCode == 0, first.ToString());
            Assert.Contains("infragen check: out/ matches the model (", first.Output);

            foreach (var directory in new[] { packed.Repo, Path.Combine(Out, "charts"), nowhere })
            {
                var again = Launch(directory, "check");
                Assert.True(again.ExitCode == 0, again.ToString());
                Assert.Contains("infragen check: out/ matches the model (", again.Output);
                Assert.DoesNotContain(Building, again.Error); // Up to date: the program runs as built.
            }

            // Arguments pass through as given; relative paths stay relative to where it runs.
            var explain = Launch(Path.Combine(Out, "values"), "explain", "dev-sgp-1/control-plane.yaml", "image.tag");
            Assert.True(explain.ExitCode == 0, explain.ToString());
            Assert.Contains("model/releases.yaml(", explain.Output);

            var version = Launch(nowhere, "--version");
            Assert.True(version.ExitCode == 0, version.ToString());
            Assert.StartsWith(packed.ToolVersion, version.Output.Trim());

            Assert.Equal(2, Launch(nowhere, "no-such-verb").ExitCode);
            Assert.All(snapshot, f => Assert.Equal(f.Value, File.ReadAllBytes(Path.Combine(Out, f.Key)))); // check writes nothing.
        }
        finally
        {
            Directory.Delete(nowhere, recursive: true);
            RepositoryFiles.Restore(Out, snapshot);
        }
    }

    [Fact]
    public void A_changed_added_or_removed_model_file_rebuilds_and_data_the_program_reads_when_it_runs_does_not()
    {
        var estate = Path.Combine(Model, "Estate.cs");
        var original = File.ReadAllText(estate);
        var added = Path.Combine(Model, "Values", "LauncherTestNote.cs");
        var releases = Path.Combine(Model, "releases.yaml");
        var releasesTime = File.GetLastWriteTimeUtc(releases);
        var snapshot = RepositoryFiles.Snapshot(Out);
        try
        {
            PackedRepository.Succeeds(Launch(packed.Repo, "check"));

            // A model change: built again before the verb runs, so check sees the new model (and exit 1 passes through).
            var changed = original.Replace("\"main\")", "\"release\")", StringComparison.Ordinal);
            Assert.NotEqual(original, changed);
            File.WriteAllText(estate, changed);
            var stale = Launch(packed.Repo, "check");
            Assert.True(stale.ExitCode == 1, stale.ToString());
            Assert.Contains(Building, stale.Error);
            Assert.Contains("+    targetRevision: release\n", stale.Output);

            File.WriteAllText(estate, original);
            var restored = Launch(packed.Repo, "check");
            Assert.True(restored.ExitCode == 0, restored.ToString());
            Assert.Contains(Building, restored.Error);

            // releases.yaml and the chart templates are read when the program runs: newer, they cost no build.
            File.SetLastWriteTimeUtc(releases, DateTime.UtcNow.AddMinutes(1));
            var data = Launch(packed.Repo, "check");
            Assert.True(data.ExitCode == 0, data.ToString());
            Assert.DoesNotContain(Building, data.Error);

            // A file added with an old time is no newer than the stamp, but the stamp's list of inputs no longer matches.
            File.WriteAllText(added, "namespace Cogrion.Infra;\n");
            File.SetLastWriteTimeUtc(added, new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            var withFile = Launch(packed.Repo, "check");
            Assert.True(withFile.ExitCode == 0, withFile.ToString());
            Assert.Contains(Building, withFile.Error);

            File.Delete(added);
            var withoutFile = Launch(packed.Repo, "check");
            Assert.True(withoutFile.ExitCode == 0, withoutFile.ToString());
            Assert.Contains(Building, withoutFile.Error);
        }
        finally
        {
            File.WriteAllText(estate, original);
            File.Delete(added);
            File.SetLastWriteTimeUtc(releases, releasesTime);
            RepositoryFiles.Restore(Out, snapshot);
        }
    }

    [Fact]
    public void A_model_that_does_not_compile_prints_the_compiler_errors_and_exits_2_and_the_next_run_builds_again()
    {
        var conventions = Path.Combine(Model, "Conventions.cs");
        var original = File.ReadAllText(conventions);
        try
        {
            File.AppendAllText(conventions, "not C#\n");
            var broken = Launch(packed.Repo, "check");
            Assert.Equal(2, broken.ExitCode);
            Assert.Contains("Conventions.cs(", broken.Error);
            Assert.Contains(": error CS", broken.Error);
            Assert.Contains("infragen: error INFRA1011: could not build the model project", broken.Error);

            File.WriteAllText(conventions, original);
            var fixedModel = Launch(packed.Repo, "check");
            Assert.True(fixedModel.ExitCode == 0, fixedModel.ToString());
            Assert.Contains(Building, fixedModel.Error);
        }
        finally
        {
            File.WriteAllText(conventions, original);
        }
    }
}
