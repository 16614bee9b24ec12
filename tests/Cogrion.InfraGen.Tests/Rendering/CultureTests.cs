using System.Text;
using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Generated;
using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Output;
using Cogrion.InfraGen.Pipeline;
using Cogrion.InfraGen.Rendering;
using Cogrion.InfraGen.Tests.Support;
using Cogrion.InfraGen.Yaml;

namespace Cogrion.InfraGen.Tests.Rendering;

/// <summary>
/// The tree does not depend on the machine: the real model renders the committed out/ byte for byte under the
/// invariant, Turkish, German and Japanese cultures, the model's own culture-sensitive code is pinned to the invariant
/// culture by the host, and templates and releases.yaml checked out with CRLF line ends (and a byte order mark) give
/// the same tree. (The generator's side, at compile time: Cogrion.InfraGen.Generators.Tests, CultureTests.)
/// </summary>
public sealed class CultureTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Theory]
    [MemberData(nameof(CultureScope.Cultures), MemberType = typeof(CultureScope))]
    public void The_real_model_renders_the_committed_tree_byte_for_byte(string culture)
    {
        var tree = CultureScope.Run(culture, () => InfraPipeline.Render(new InfraCatalog(), RealModel.Paths));

        AssertSameBytes(tree, RealModel.Paths.OutDirectory);
    }

    [Theory]
    [MemberData(nameof(CultureScope.Cultures), MemberType = typeof(CultureScope))]
    public void Generating_through_the_host_pins_the_model_code_to_the_invariant_culture(string culture)
    {
        var paths = FixtureModel.CreateFiles(_temp);

        var run = CultureScope.Run(culture, () => HostRun.Generate(new TestCatalog(CultureSensitiveEstate()), paths));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("\nnote: info 1.5 12/31/2025\n", File.ReadAllText(Path.Combine(paths.OutDirectory, "values", "dev-sgp-1", "web.yaml")));
    }

    [Theory]
    [MemberData(nameof(CultureScope.Cultures), MemberType = typeof(CultureScope))]
    public void Numbers_and_quantities_are_written_the_same_under_every_culture(string culture)
    {
        // The real model and the fixture hold no decimal value, so the tree tests here would not see a culture-sensitive
        // number format (they passed with DocScalar.Decimal formatting with the current culture).
        var yaml = CultureScope.Run(culture, () => YamlWriter.Write(new DocMap
        {
            { "ratio", DocScalar.Decimal(-1234.5m) },
            { "count", DocScalar.Integer(-1234567) },
            { "memory", Memory.Mi(1536).ToString() },
            { "cpu", Cpu.Millicores(1500).ToString() },
        }));

        Assert.Equal("ratio: -1234.5\ncount: -1234567\nmemory: 1536Mi\ncpu: 1500m\n", yaml);
    }

    [Fact]
    public void Templates_and_releases_checked_out_with_crlf_and_a_byte_order_mark_give_the_same_tree()
    {
        var unix = ModelCopy.Create(_temp, "unix");
        var windows = ModelCopy.Create(_temp, "windows", crlf: true);
        Assert.Contains("\r\n", File.ReadAllText(windows.ReleasesFile), StringComparison.Ordinal);

        var fromUnix = InfraPipeline.Render(new InfraCatalog(), unix);
        var fromWindows = InfraPipeline.Render(new InfraCatalog(), windows);

        Assert.Equal(fromUnix.Files.Keys, fromWindows.Files.Keys);
        Assert.All(fromUnix.Files, f => Assert.True(f.Value.Text == fromWindows.Files[f.Key].Text, Baseline.Diff(f.Key, f.Value.Text, fromWindows.Files[f.Key].Text)));

        // Hand-written templates name their source relative to the repository root, so they match the committed ones exactly.
        // (A generated NOTES.txt of a chart without templates, and the generated ClusterSecretStore, name the app's file as
        // the compiler saw it, like the values files.)
        var templates = fromWindows.Files.Values.Where(f => f.Kind == FileKind.ChartTemplate && f.Documents.Count == 0
            && !f.Path.EndsWith(ChartFiles.NotesTemplate, StringComparison.Ordinal) && !f.Path.EndsWith(SecretStoreChart.TemplatePath, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(templates);
        Assert.All(templates, f => Assert.Equal(File.ReadAllBytes(Path.Combine(RealModel.Paths.OutDirectory, f.Path)), TreeWriter.Encode(f)));
    }

    /// <summary>The fixture estate with a values function that formats a decimal, a date and a lower-cased word with the current culture.</summary>
    private static Estate CultureSensitiveEstate() => FixtureModel.Estate(apps:
    [
        FixtureModel.WebWith((c, v) => v with { Note = c.Cluster.Env.IsProduction ? null : $"{"INFO".ToLower()} {1.5m} {new DateTime(2025, 12, 31):d}" }),
        FixtureModel.Db(),
    ]);

    /// <summary>Asserts the directory holds exactly the tree's files with exactly its bytes.</summary>
    private static void AssertSameBytes(RenderedTree tree, string outDirectory)
    {
        Assert.Equal(tree.Files.Keys, TreeWriter.ExistingFiles(outDirectory));
        foreach (var (path, file) in tree.Files)
        {
            var onDisk = File.ReadAllBytes(Path.Combine(outDirectory, path));
            Assert.True(onDisk.AsSpan().SequenceEqual(TreeWriter.Encode(file)), Baseline.Diff(path, Encoding.UTF8.GetString(onDisk), file.Text));
        }
    }

    public void Dispose() => _temp.Dispose();
}
