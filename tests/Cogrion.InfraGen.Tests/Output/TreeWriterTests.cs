using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Output;
using Cogrion.InfraGen.Pipeline;
using Cogrion.InfraGen.Tests.Support;

namespace Cogrion.InfraGen.Tests.Output;

public sealed class TreeWriterTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Theory]
    [InlineData(2)] // A small tree, written on one thread.
    [InlineData(60)] // Hundreds of files, compared and written in parallel.
    public void A_second_run_on_an_unchanged_model_writes_nothing_and_keeps_modification_times(int clusters)
    {
        var (declared, releases) = FixtureModel.ManyClusters(clusters);
        var paths = FixtureModel.CreateFiles(_temp, releases);
        var estate = FixtureModel.Estate(declared);
        var first = Generate(paths, estate);
        Assert.Equal(TreeWriter.ExistingFiles(paths.OutDirectory), first.Written);
        var times = Directory.EnumerateFiles(paths.OutDirectory, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);

        var second = Generate(paths, estate);

        Assert.Empty(second.Written);
        Assert.Empty(second.Deleted);
        Assert.Equal(first.Written.Count, second.Unchanged);
        Assert.All(times, t => Assert.Equal(t.Value, File.GetLastWriteTimeUtc(t.Key)));
    }

    [Fact]
    public void Regenerating_after_a_change_to_one_cluster_rewrites_only_that_clusters_values_file()
    {
        var (declared, releases) = FixtureModel.ManyClusters(60);
        var paths = FixtureModel.CreateFiles(_temp, releases);
        var replicas = declared.ToDictionary(c => c.Name, _ => 2);
        var web = new App<WebValues>(new ChartSpec("1.0.0", "Fixture web app"), c => new WebValues
        {
            Host = $"web.{c.Cluster.Name}.example.com",
            Image = new() { Repository = "ghcr.io/example/web", Tag = c.ImageTag },
            Replicas = replicas[c.Cluster.Name],
        })
        { DependsOn = [FixtureModel.Db()] };
        var estate = FixtureModel.Estate(declared, [web, FixtureModel.Db()]);
        Generate(paths, estate);
        var times = Directory.EnumerateFiles(paths.OutDirectory, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        var changed = declared[17].Name;

        replicas[changed] = 5;
        var report = Generate(paths, estate);

        var values = $"values/{changed}/web.yaml";
        Assert.Equal([values], report.Written);
        Assert.Empty(report.Deleted);
        Assert.Contains("replicas: 5", File.ReadAllText(Path.Combine(paths.OutDirectory, values)));
        Assert.All(times.Where(t => !t.Key.EndsWith(values, StringComparison.Ordinal)), t => Assert.Equal(t.Value, File.GetLastWriteTimeUtc(t.Key)));
    }

    [Fact]
    public void A_directory_where_a_file_goes_is_INFRA3004_before_anything_is_written()
    {
        var (declared, releases) = FixtureModel.ManyClusters(60);
        var paths = FixtureModel.CreateFiles(_temp, releases);
        var estate = FixtureModel.Estate(declared);
        Generate(paths, estate);
        var blocked = Path.Combine(paths.OutDirectory, "values", declared[3].Name, "web.yaml");
        File.Delete(blocked);
        Directory.CreateDirectory(Path.Combine(blocked, "inside")); // A directory where the file goes: no rename replaces it.
        var edited = Path.Combine(paths.OutDirectory, "values", declared[40].Name, "web.yaml");
        File.AppendAllText(edited, "replicas: 99\n"); // Would be rewritten, if anything were written.
        var before = TempDirectory.Snapshot(paths.OutDirectory);

        var error = Assert.Throws<InfraGenException>(() => Generate(paths, estate));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("INFRA3004", diagnostic.Code);
        Assert.Equal($"Cannot write the tree: '{blocked}' is a directory, where the tree writes a file; nothing was written. A rename cannot replace it: remove it, then run again.", diagnostic.Message);
        Assert.False(error.OutChanged);
        Assert.Equal(before, TempDirectory.Snapshot(paths.OutDirectory));
    }

    [Fact]
    public void A_file_where_a_directory_goes_is_INFRA3004_naming_it_before_anything_is_written()
    {
        var paths = FixtureModel.CreateFiles(_temp);
        Generate(paths);
        var directory = Path.Combine(paths.OutDirectory, "values", "dev-sgp-1");
        Directory.Delete(directory, recursive: true);
        File.WriteAllText(directory, "a file where values/dev-sgp-1/ goes\n");
        File.AppendAllText(Path.Combine(paths.OutDirectory, "values", "prod-sgp-1", "web.yaml"), "replicas: 99\n");
        var before = TempDirectory.Snapshot(paths.OutDirectory);

        var error = Assert.Throws<InfraGenException>(() => Generate(paths));

        // One diagnostic for the file in the way, not one per file below it.
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("INFRA3004", diagnostic.Code);
        Assert.Equal($"Cannot write the tree: '{directory}' is a file, where the tree needs a directory; nothing was written. A rename cannot replace it: remove it, then run again.", diagnostic.Message);
        Assert.Equal(before, TempDirectory.Snapshot(paths.OutDirectory));
    }

    [Fact]
    public void A_write_the_file_system_refuses_half_way_is_INFRA3004_with_its_own_error_and_the_files_written_stay_whole()
    {
        var paths = FixtureModel.CreateFiles(_temp);
        Generate(paths);
        var dev = Path.Combine(paths.OutDirectory, "values", "dev-sgp-1", "web.yaml");
        var prod = Path.Combine(paths.OutDirectory, "values", "prod-sgp-1", "web.yaml");
        var generated = File.ReadAllText(prod);
        File.AppendAllText(dev, "replicas: 99\n");
        File.AppendAllText(prod, "replicas: 99\n");
        // A directory at the temporary file's name: this run cannot create it (the OS refuses: it exists), after the
        // comparison found nothing in the way and dev's file was rewritten.
        Directory.CreateDirectory($"{prod}.{Environment.ProcessId}{TreeWriter.TempSuffix}");

        var error = Assert.Throws<InfraGenException>(() => Generate(paths));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("INFRA3004", diagnostic.Code);
        Assert.StartsWith($"Cannot write '{prod}': ", diagnostic.Message);
        Assert.Contains("1 file(s) were written before it failed, each whole (a temporary file and a rename)", diagnostic.Message);
        Assert.True(error.OutChanged);
        Assert.DoesNotContain("replicas: 99", File.ReadAllText(dev));
        Assert.Equal(generated + "replicas: 99\n", File.ReadAllText(prod)); // Its old bytes, whole.
    }

    [Fact]
    public void A_hand_edited_file_is_rewritten_and_a_file_the_model_does_not_produce_is_removed()
    {
        var paths = FixtureModel.CreateFiles(_temp);
        Generate(paths);
        var values = Path.Combine(paths.OutDirectory, "values", "prod-sgp-1", "web.yaml");
        var original = File.ReadAllText(values);
        File.AppendAllText(values, "replicas: 99\n");
        Directory.CreateDirectory(Path.Combine(paths.OutDirectory, "values", "gone-cluster"));
        File.WriteAllText(Path.Combine(paths.OutDirectory, "values", "gone-cluster", "web.yaml"), "x: 1\n");

        var report = Generate(paths);

        Assert.Equal(["values/prod-sgp-1/web.yaml"], report.Written);
        Assert.Equal(["values/gone-cluster/web.yaml"], report.Deleted);
        Assert.Equal(original, File.ReadAllText(values));
        Assert.False(Directory.Exists(Path.Combine(paths.OutDirectory, "values", "gone-cluster")));
    }

    [Fact]
    public void A_non_empty_directory_without_the_ownership_marker_is_never_written_or_pruned()
    {
        var paths = FixtureModel.CreateFiles(_temp);
        Directory.CreateDirectory(paths.OutDirectory);
        var precious = Path.Combine(paths.OutDirectory, "notes.txt");
        File.WriteAllText(precious, "mine");

        var error = Assert.Throws<InfraGenException>(() => Generate(paths));

        Assert.Equal("INFRA3001", error.Diagnostics.Single().Code);
        Assert.Equal("mine", File.ReadAllText(precious));
        Assert.Single(Directory.EnumerateFileSystemEntries(paths.OutDirectory));
    }

    [Fact]
    public void Pruning_removes_a_symbolic_link_but_never_what_it_points_to()
    {
        var paths = FixtureModel.CreateFiles(_temp);
        Generate(paths);
        var outside = _temp.Combine("outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "keep.txt"), "keep");
        Directory.CreateSymbolicLink(Path.Combine(paths.OutDirectory, "link"), outside);

        var report = Generate(paths);

        Assert.Contains("link", report.Deleted);
        Assert.Equal("keep", File.ReadAllText(Path.Combine(outside, "keep.txt")));
        Assert.False(Path.Exists(Path.Combine(paths.OutDirectory, "link")));
    }

    [Fact]
    public void A_changed_file_is_replaced_by_a_rename_so_a_reader_of_the_old_file_keeps_its_whole_old_bytes()
    {
        // The mechanism behind "every file has its old or its new bytes": the new bytes go to a temporary file that is
        // renamed over the target, never into the target itself. (The kill test, Faults/InterruptedGenerationTests,
        // rarely lands inside the write of one file: it passed with in-place writes.)
        var paths = FixtureModel.CreateFiles(_temp);
        Generate(paths);
        var values = Path.Combine(paths.OutDirectory, "values", "prod-sgp-1", "web.yaml");
        var generated = File.ReadAllBytes(values);
        File.AppendAllText(values, "replicas: 99\n");
        var edited = File.ReadAllBytes(values);
        using var reader = new FileStream(values, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

        var report = Generate(paths);

        Assert.Equal(["values/prod-sgp-1/web.yaml"], report.Written);
        Assert.Equal(generated, File.ReadAllBytes(values));
        var seen = new byte[edited.Length + 1];
        var read = reader.ReadAtLeast(seen, seen.Length, throwOnEndOfStream: false);
        Assert.Equal(edited, seen[..read]); // Written in place, the open file would now hold the new (or truncated) bytes.
        Assert.Empty(Directory.EnumerateFiles(paths.OutDirectory, "*" + TreeWriter.TempSuffix, SearchOption.AllDirectories));
    }

    [Fact]
    public void No_temporary_files_are_left_after_a_run_and_stale_ones_are_cleaned_up()
    {
        var paths = FixtureModel.CreateFiles(_temp);
        Generate(paths);
        var stale = Path.Combine(paths.OutDirectory, "values", "prod-sgp-1", "web.yaml.12345" + TreeWriter.TempSuffix);
        File.WriteAllText(stale, "half");

        Generate(paths);

        Assert.Empty(Directory.EnumerateFiles(paths.OutDirectory, "*" + TreeWriter.TempSuffix, SearchOption.AllDirectories));
    }

    [Fact]
    public void Files_are_utf8_without_a_byte_order_mark_and_end_lines_with_lf()
    {
        var paths = FixtureModel.CreateFiles(_temp);
        Generate(paths);
        foreach (var file in Directory.EnumerateFiles(paths.OutDirectory, "*", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllBytes(file);
            Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, file);
            Assert.DoesNotContain((byte)'\r', bytes);
        }
    }

    private static WriteReport Generate(ModelPaths paths, Estate? estate = null) =>
        TreeWriter.Write(InfraPipeline.Render(ModelLoader.Load(estate ?? FixtureModel.Estate(), paths)), paths.OutDirectory);

    public void Dispose() => _temp.Dispose();
}
