using Cogrion.InfraGen.Drift;
using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Tests.Support;
using Cogrion.InfraGen.Watch;

namespace Cogrion.InfraGen.Tests.Watch;

/// <summary>What watch reacts to, how it batches an editor's save, and how it shows a change.</summary>
public sealed class ModelWatcherTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Theory]
    [InlineData("Apps/ControlPlane.cs", "Source")]
    [InlineData("Conventions.cs", "Source")]
    [InlineData("releases.yaml", "Data")]
    [InlineData("charts/web/templates/deployment.yaml", "Data")]
    [InlineData("Cogrion.Infra.Model.csproj", "Project")]
    [InlineData(".editorconfig", "Project")]
    [InlineData("Directory.Build.props", "Project")]
    [InlineData("obj/Debug/net10.0/Cogrion.Infra.Model.AssemblyInfo.cs", null)]
    [InlineData("bin/Debug/net10.0/x.cs", null)]
    [InlineData("Apps/.ControlPlane.cs.swp", null)]
    [InlineData("Apps/ControlPlane.cs~", null)]
    [InlineData("notes.md", null)]
    [InlineData("../out/values/dev-sgp-1/web.yaml", null)]
    public void A_file_is_read_by_watch_as_its_kind_or_ignored(string relative, string? kind)
    {
        var model = _temp.Combine("model");

        Assert.Equal(kind, ModelWatcher.KindOf(model, Path.GetFullPath(Path.Combine(model, relative)))?.ToString());
    }

    [Fact]
    public void A_burst_of_saves_is_one_batch_of_the_files_watch_reads()
    {
        var model = Directory.CreateDirectory(_temp.Combine("model")).FullName;
        Directory.CreateDirectory(Path.Combine(model, "obj"));
        using var watcher = new ModelWatcher(model);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        // An editor's save: a temporary file renamed over the original, then a formatter's second file; build output beside.
        File.WriteAllText(Path.Combine(model, "Estate.cs.tmp"), "class Estate {}");
        File.Move(Path.Combine(model, "Estate.cs.tmp"), Path.Combine(model, "Estate.cs"));
        File.WriteAllText(Path.Combine(model, "releases.yaml"), "dev-sgp-1: {}\n");
        File.WriteAllText(Path.Combine(model, "obj", "Generated.cs"), "// build output");
        var batch = watcher.Next(timeout.Token);

        Assert.NotNull(batch);
        Assert.Equal(
            [(Path.Combine(model, "Estate.cs"), ModelFileKind.Source), (Path.Combine(model, "releases.yaml"), ModelFileKind.Data)],
            batch.Files.Select(f => (f.Key, f.Value)));
        Assert.InRange(batch.Age, 0, 30_000);
    }

    [Fact]
    public void A_cancelled_wait_returns_no_batch()
    {
        using var watcher = new ModelWatcher(Directory.CreateDirectory(_temp.Combine("model")).FullName);

        Assert.Null(watcher.Next(new CancellationToken(canceled: true)));
    }

    [Fact]
    public void A_changed_file_shows_its_changed_lines_under_their_hunk_headers_and_no_more_than_a_screenful()
    {
        var paths = new ModelPaths(_temp.Combine("model"), _temp.Combine("out"));
        var print = new WatchOutput(paths, TextWriter.Null, TextWriter.Null);
        var before = string.Concat(Enumerable.Range(0, 40).Select(i => $"key{i}: {i}\n"));
        var after = before.Replace("key3: 3", "key3: three", StringComparison.Ordinal);

        var small = print.ShortDiff(new FileDrift("values/dev-sgp-1/web.yaml", DriftKind.Changed, before, after));
        Assert.Equal(["out/values/dev-sgp-1/web.yaml:", "@@ -1,7 +1,7 @@", "-key3: 3", "+key3: three"], small);

        var everything = print.ShortDiff(new FileDrift("values/dev-sgp-1/web.yaml", DriftKind.Changed, before, before.Replace(": ", ":  ", StringComparison.Ordinal)));
        Assert.Equal(1 + WatchOutput.DiffLinesPerFile + 1, everything.Count);
        Assert.StartsWith("… ", everything[^1]);

        var added = print.ShortDiff(new FileDrift("values/prod-fra-1/web.yaml", DriftKind.Added, null, "a: 1\n"));
        Assert.Equal(["out/values/prod-fra-1/web.yaml:", "@@ -0,0 +1 @@", "+a: 1"], added);
    }

    [Fact]
    public void MSBuild_s_answer_gives_the_compiler_command_line_and_the_compiler_directory()
    {
        const string json = """
            {
              "Properties": { "RoslynTargetsPath": "/sdk/10.0.401/Roslyn" },
              "Items": { "CscCommandLineArgs": [ { "Identity": "/noconfig" }, { "Identity": "Estate.cs" } ] }
            }
            """;

        var command = CompileCommand.Parse("/repo/model/Model.csproj", "Restore output first.\n" + json);

        Assert.NotNull(command);
        Assert.Equal(["/noconfig", "Estate.cs"], command.Arguments);
        Assert.Equal("/sdk/10.0.401/Roslyn", command.RoslynDirectory);
        Assert.Equal("/repo/model", command.BaseDirectory);
        Assert.Null(CompileCommand.Parse("/repo/model/Model.csproj", json.Replace("{ \"Identity\": \"/noconfig\" }, { \"Identity\": \"Estate.cs\" }", string.Empty, StringComparison.Ordinal)));
        Assert.Null(CompileCommand.Parse("/repo/model/Model.csproj", "error MSB1009: Project file does not exist."));
    }

    public void Dispose() => _temp.Dispose();
}
