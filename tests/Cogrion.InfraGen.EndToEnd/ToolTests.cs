using Cogrion.InfraGen.EndToEnd.Support;

namespace Cogrion.InfraGen.EndToEnd;

/// <summary>The installed <c>infragen</c> tool on a copy of this repository: the drift check CI relies on.</summary>
[Collection(PackedRepositoryCollection.Name)]
public sealed class ToolTests(PackedRepository packed)
{
    private string Out => Path.Combine(packed.Repo, "out");

    [Fact]
    public void Check_passes_on_the_committed_tree_and_fails_naming_a_hand_edited_or_hand_added_file()
    {
        var snapshot = RepositoryFiles.Snapshot(Out);
        var values = Directory.GetFiles(Path.Combine(Out, "values"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        var shown = "out/" + Path.GetRelativePath(Out, values).Replace('\\', '/');
        try
        {
            var clean = packed.RunTool(packed.Repo, "check");
            Assert.True(clean.ExitCode == 0, clean.ToString());
            Assert.Contains("out/ matches the model", clean.Output);

            File.AppendAllText(values, "handEdited: true\n");
            var edited = packed.RunTool(packed.Repo, "check", "--no-build");
            Assert.True(edited.ExitCode == 1, edited.ToString());
            Assert.Contains($"  changed  {shown}", edited.Output);
            Assert.Contains($"--- {shown} (on disk)\n+++ {shown} (from the model)\n", edited.Output);
            Assert.Contains("\n-handEdited: true\n", edited.Output);
            Assert.StartsWith("Fix: run `dotnet build`", edited.Output.TrimEnd().Split('\n')[^1]);
            Assert.Equal("handEdited: true\n", File.ReadAllText(values)[^17..]);

            File.WriteAllText(Path.Combine(Out, "values", "notes.yaml"), "mine: true\n");
            var added = packed.RunTool(Path.Combine(packed.Repo, "model"), "check", "--no-build");
            Assert.True(added.ExitCode == 1, added.ToString());
            Assert.Contains("  removed  out/values/notes.yaml", added.Output);
        }
        finally
        {
            RepositoryFiles.Restore(Out, snapshot);
        }
    }

    [Fact]
    public void A_model_change_without_regeneration_fails_check_until_generate_runs()
    {
        var estate = Path.Combine(packed.Repo, "model", "Estate.cs");
        var original = File.ReadAllText(estate);
        var snapshot = RepositoryFiles.Snapshot(Out);
        try
        {
            var changed = original.Replace("\"main\")", "\"release\")", StringComparison.Ordinal);
            Assert.NotEqual(original, changed); // The model names the branch Argo CD follows; this test moves it.
            File.WriteAllText(estate, changed);

            var stale = packed.RunTool(packed.Repo, "check");
            Assert.True(stale.ExitCode == 1, stale.ToString());
            Assert.Contains("  changed  out/argocd/bootstrap/", stale.Output);
            Assert.Contains("+    targetRevision: release\n", stale.Output);

            var generate = packed.RunTool(packed.Repo, "generate", "--no-build");
            Assert.True(generate.ExitCode == 0, generate.ToString());
            Assert.Contains("written  argocd/bootstrap/", generate.Output);

            var regenerated = packed.RunTool(packed.Repo, "check", "--no-build");
            Assert.True(regenerated.ExitCode == 0, regenerated.ToString());
        }
        finally
        {
            File.WriteAllText(estate, original);
            RepositoryFiles.Restore(Out, snapshot);
        }
    }

    [Fact]
    public void Help_and_version_work_without_a_model_and_usage_errors_exit_2()
    {
        var nowhere = Directory.CreateTempSubdirectory("infragen-nowhere").FullName;
        try
        {
            var help = packed.RunTool(nowhere, "explain", "--help");
            Assert.True(help.ExitCode == 0, help.ToString());
            Assert.Contains("explain <out-path> [<key.path>]", help.Output);

            var version = packed.RunTool(nowhere, "--version");
            Assert.True(version.ExitCode == 0, version.ToString());
            Assert.StartsWith(packed.ToolVersion, version.Output.Trim());

            Assert.Equal(2, packed.RunTool(nowhere, "no-such-verb").ExitCode);
            var noModel = packed.RunTool(nowhere, "check");
            Assert.Equal(2, noModel.ExitCode);
            Assert.Contains("no model found", noModel.Error);
        }
        finally
        {
            Directory.Delete(nowhere, recursive: true);
        }
    }
}
