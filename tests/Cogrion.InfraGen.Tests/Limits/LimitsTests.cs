using System.Diagnostics;
using System.Text;
using Cogrion.InfraGen.Benchmarks;
using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Hosting;
using Cogrion.InfraGen.Pipeline;
using Cogrion.InfraGen.Tests.Support;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;

// Bad names on purpose: the run-time check (INFRA1001) is under test; the compile-time one (INFRA0002) would stop the build.
#pragma warning disable INFRA0002

namespace Cogrion.InfraGen.Tests.Limits;

/// <summary>
/// The edges of the input: a very large estate, a very large value, names one character too long, and models with
/// nothing in them. Each ends in a clear result or a clear error (file and line, what is allowed, out/ untouched),
/// never a crash or a hang.
/// </summary>
public sealed class LimitsTests(ITestOutputHelper log) : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Trait("Speed", "Slow")]
    [Fact]
    public void Ten_thousand_clusters_load_render_and_validate_to_eleven_files_per_cluster()
    {
        var clock = Stopwatch.StartNew();
        using var estate = SyntheticEstate.Create(10_000);
        var model = estate.Load();
        var loaded = clock.Elapsed;

        var tree = InfraPipeline.Render(model); // Renders and validates the whole tree in memory; throws on any problem.

        log.WriteLine($"10,000 clusters: {tree.Files.Count} files; load {loaded.TotalSeconds:0.0} s, render and validate {(clock.Elapsed - loaded).TotalSeconds:0.0} s");
        Assert.Equal(10_000, model.Clusters.Count);
        Assert.Equal(10_000 * (1 + (2 * model.Apps.Count)), tree.Files.Keys.Count(p => p.StartsWith("argocd/", StringComparison.Ordinal) || p.StartsWith("values/", StringComparison.Ordinal))); // The bootstrap, and per app its Application and values.
        Assert.Contains("values/prod-rg-5000/keycloak.yaml", tree.Files.Keys); // The first five real apps in dependency order: the platform apps, ingress, keycloak.
    }

    [Fact]
    public void A_value_of_one_mebibyte_is_written_and_reads_back_exactly()
    {
        var value = OneMebibyteOfText();
        var paths = FixtureModel.CreateFiles(_temp);
        var catalog = new TestCatalog(FixtureModel.Estate(apps: [FixtureModel.WebWith((c, v) => v with { Note = value }), FixtureModel.Db()]));

        var clock = Stopwatch.StartNew();
        var generate = HostRun.Generate(catalog, paths);
        log.WriteLine($"generate with a 1 MiB value: {clock.ElapsedMilliseconds} ms");
        var check = HostRun.Run(catalog, ["check", "--model", paths.ModelDirectory, "--out", paths.OutDirectory]);

        Assert.True(generate.ExitCode == 0, generate.Error);
        Assert.True(check.ExitCode == 0, check.Output + check.Error);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(paths.OutDirectory, "values", "prod-sgp-1", "web.yaml"))));
        var note = (YamlScalarNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("note")];
        Assert.Equal(value, note.Value);
    }

    [Fact]
    public void A_cluster_name_of_64_characters_is_a_DNS_1123_error_saying_so()
    {
        Cluster tooLong = new(FixtureModel.Dev, new Region(new string('r', 60), "eu-central-1")); var line = Line();

        var error = ModelRejection.Run(_temp, FixtureModel.Estate(clusters: [tooLong]), exitCode: ExitCodes.Refused);

        Assert.Contains(
            $"LimitsTests.cs({line}): error INFRA1001: Cluster Name 'dev-{new string('r', 60)}' is not allowed: it must be a DNS-1123 label: 1 to 63 characters, " +
            "lower-case letters a-z, digits 0-9 and '-', starting and ending with a letter or digit; it is 64 characters long, 1 more than the 63 allowed.",
            error);
    }

    [Fact]
    public void A_namespace_of_64_characters_is_a_DNS_1123_error_saying_so()
    {
        App<DbValues> db = new(new ChartSpec("1.0.0", "db"), c => (DbValues)FixtureModel.Db().ValuesFor(c)!) { Namespace = new string('n', 64) }; var line = Line();

        var error = ModelRejection.Run(_temp, FixtureModel.Estate(apps: [FixtureModel.Web(), db]), exitCode: ExitCodes.Refused);

        Assert.Contains($"LimitsTests.cs({line}): error INFRA1001: App Namespace '{new string('n', 64)}' is not allowed", error);
        Assert.Contains("; it is 64 characters long, 1 more than the 63 allowed.", error);
    }

    [Fact]
    public void A_cluster_name_of_63_characters_is_generated()
    {
        var region = new string('r', 59);
        var paths = FixtureModel.CreateFiles(_temp, $"dev-{region}:\n  web: sha-a1b2c3d\n");

        var run = HostRun.Generate(new TestCatalog(FixtureModel.Estate(clusters: [new Cluster(FixtureModel.Dev, new Region(region, "eu-central-1"))])), paths);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.True(File.Exists(Path.Combine(paths.OutDirectory, "values", $"dev-{region}", "web.yaml")));
    }

    [Fact]
    public void An_empty_estate_is_an_error_for_its_clusters_and_its_apps()
    {
        var error = ModelRejection.Run(_temp, FixtureModel.Estate(clusters: [], apps: []), exitCode: ExitCodes.Refused);

        Assert.Contains("infragen: error INFRA1007: The estate has no clusters; declare at least one.", error);
        Assert.Contains("infragen: error INFRA1007: The estate has no apps; declare at least one.", error);
        Assert.Contains("infragen: 2 error(s); out/ was not changed.", error);
    }

    [Fact]
    public void An_estate_whose_app_list_is_empty_is_an_error()
    {
        var error = ModelRejection.Run(_temp, FixtureModel.Estate(apps: []), exitCode: ExitCodes.Refused);

        Assert.Contains("infragen: error INFRA1007: The estate has no apps; declare at least one.", error);
        Assert.Contains("infragen: 1 error(s); out/ was not changed.", error);
    }

    [Fact]
    public void Null_lists_and_a_Define_that_returns_null_are_errors_not_crashes()
    {
        var nullLists = ModelRejection.Run(_temp, FixtureModel.Estate() with { Clusters = null!, Apps = null! }, exitCode: ExitCodes.Refused);
        var nothing = ModelRejection.Run(_temp, new TestCatalog(() => null!), exitCode: ExitCodes.Refused);

        Assert.Contains("error INFRA1007: The estate has no clusters", nullLists);
        Assert.Contains("error INFRA1007: The estate has no apps", nullLists);
        Assert.Contains("infragen: error INFRA1000: The [InfraModel] class's Define() returned null; it must return the Estate", nothing);
    }

    /// <summary>Exactly 1 MiB of text with line breaks, quotes and a YAML comment marker: written double-quoted, on one line.</summary>
    private static string OneMebibyteOfText()
    {
        var text = new StringBuilder(1 << 20);
        for (var i = 0; text.Length < 1 << 20; i++)
        {
            text.Append("entry ").Append(i).Append(": \"quoted\" #not-a-comment\n");
        }

        return text.ToString(0, 1 << 20);
    }

    private static int Line([System.Runtime.CompilerServices.CallerLineNumber] int line = 0) => line;

    public void Dispose() => _temp.Dispose();
}
