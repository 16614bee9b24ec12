using Cogrion.InfraGen.Tests.Support;

namespace Cogrion.InfraGen.Tests.Hosting;

public sealed class ExplainCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly TestCatalog _catalog = new(FixtureModel.Estate());

    [Fact]
    public void A_values_file_names_the_app_the_cluster_the_values_record_and_the_release_line()
    {
        var run = Explain("out/values/prod-sgp-1/web.yaml");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("out/values/prod-sgp-1/web.yaml: the values of web on cluster prod-sgp-1", run.Output);
        Assert.Contains("FixtureModel.cs(", run.Output);
        Assert.Contains("app web: its values function builds the values for each cluster", run.Output);
        Assert.Contains("values record Cogrion.InfraGen.Tests.Support.WebValues", run.Output);
        Assert.Contains("cluster prod-sgp-1", run.Output);
        Assert.Contains("releases.yaml(5)", run.Output);
    }

    [Fact]
    public void An_image_tag_names_its_releases_line_then_its_property_then_the_values_function()
    {
        var run = Explain("values/prod-sgp-1/web.yaml", "image.tag");

        Assert.Equal(0, run.ExitCode);
        var lines = Located(run.Output);
        Assert.Equal("out/values/prod-sgp-1/web.yaml image.tag = sha-9f8e7d6", lines[0]);
        Assert.Contains("releases.yaml(5)", lines[1]);
        // The generator records where FixtureImage.Tag is declared; the line names that place (not a fallback).
        var tag = Assert.Contains("image.tag", WebValues.ValuesInfo.PropertyOrigins);
        Assert.EndsWith("FixtureModel.cs", tag.File, StringComparison.Ordinal);
        Assert.Contains("property image.tag of Cogrion.InfraGen.Tests.Support.WebValues is declared here", lines[2]);
        Assert.Contains($"FixtureModel.cs({tag.Line})", lines[2]);
        Assert.Contains("its values function sets the value for prod-sgp-1", lines[3]);
    }

    [Fact]
    public void A_key_the_cluster_file_leaves_to_the_chart_default_points_at_the_default()
    {
        var run = Explain("out/values/prod-sgp-1/web.yaml", "port");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("out/values/prod-sgp-1/web.yaml port: not set here, so the chart default applies: out/charts/web/values.yaml port = 8080", run.Output);
        // The default is the property's initializer: the answer points at the property, not at the record's first line.
        var port = WebValues.ValuesInfo.PropertyOrigins["port"];
        var lines = Located(run.Output);
        Assert.Equal(2, lines.Count);
        Assert.Contains($"({port.Line})", lines[1]);
        Assert.EndsWith("property port of Cogrion.InfraGen.Tests.Support.WebValues is declared here; its initializer (or that of a property holding it) is the chart default", lines[1]);
    }

    [Fact]
    public void A_key_with_dots_in_an_application_is_found()
    {
        var run = Explain("out/argocd/apps/dev-sgp-1/web.yaml", "metadata.annotations.argocd.argoproj.io/sync-wave");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        // The file holds the app's AppProject (wave -1), then its Application.
        Assert.StartsWith("out/argocd/apps/dev-sgp-1/web.yaml (document 1) metadata.annotations.argocd.argoproj.io/sync-wave = \"-1\"", run.Output);
        Assert.Contains("out/argocd/apps/dev-sgp-1/web.yaml (document 2) metadata.annotations.argocd.argoproj.io/sync-wave = \"1\"", run.Output);
        Assert.Contains("app web", run.Output);
    }

    [Fact]
    public void An_AppProject_of_an_app_without_a_footprint_entry_says_so_and_how_to_write_it()
    {
        var run = Explain("out/argocd/apps/dev-sgp-1/web.yaml", "spec.destinations");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var lines = Located(run.Output);
        Assert.Equal("out/argocd/apps/dev-sgp-1/web.yaml (document 1) spec.destinations = (a list of 1 items)", lines[0]);
        Assert.Matches(@"footprint\.yaml\(1\) +no entry for app web yet", lines[2]);
        Assert.EndsWith("no entry for app web yet (`./infragen render --update-footprint` writes it): until then its AppProject allows only the app's own namespace", lines[2]);
    }

    [Fact]
    public void A_template_names_its_hand_written_source()
    {
        var run = Explain("out/charts/web/templates/deployment.yaml");

        Assert.Contains("charts/web/templates/deployment.yaml(1)", run.Output);
        Assert.Contains("the hand-written template, copied as it is", run.Output);
    }

    [Theory]
    [InlineData("out/values/prod-sgp-1/nope.yaml", null, "is not a file the model generates")]
    [InlineData("out/values/prod-sgp-1/web.yaml", "nothing.here", "has no key 'nothing.here'; its top-level keys are global, host, image, replicas, memoryLimit")]
    [InlineData("out/charts/web/templates/deployment.yaml", "kind", "is not a YAML document InfraGen builds")]
    // A typo deep in a key is answered with the keys beside it (a values file's and its chart defaults'), not the top level.
    [InlineData("out/values/prod-sgp-1/web.yaml", "image.pullPolice", "has no key 'image.pullPolice'; 'image' has the keys repository, tag, pullPolicy.")]
    [InlineData("out/values/prod-sgp-1/web.yaml", "image.tag.extra", "has no key 'image.tag.extra'; 'image.tag' is a single value, with no keys under it.")]
    [InlineData("out/argocd/apps/prod-sgp-1/web.yaml", "spec.source.helm.valueFiles[3]", "has no key 'spec.source.helm.valueFiles[3]'; 'spec.source.helm.valueFiles' is a list of 1 item(s), from [0].")]
    [InlineData("out/values/prod-sgp-1/web.yaml", "image..tag", "'image..tag' is not a key path: keys are separated by one dot")]
    public void What_cannot_be_explained_is_a_usage_error(string file, string? key, string message)
    {
        var run = key is null ? Explain(file) : Explain(file, key);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error);
    }

    /// <summary>The answer's first line and its location lines, without the code shown below each location.</summary>
    private static List<string> Located(string output) =>
        [.. output.TrimEnd().Split('\n').Where((l, i) => i == 0 || (l.Length > 2 && l[2] != ' '))];

    private HostRun Explain(params string[] args)
    {
        var paths = FixtureModel.CreateFiles(_temp);
        return HostRun.Run(_catalog, ["explain", .. args, "--model", paths.ModelDirectory, "--out", paths.OutDirectory]);
    }

    public void Dispose() => _temp.Dispose();
}
