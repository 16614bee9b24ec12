using System.Globalization;
using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Pipeline;
using Cogrion.InfraGen.Rendering;
using Cogrion.InfraGen.Tests.Support;

namespace Cogrion.InfraGen.Tests.Rendering;

/// <summary>The whole tree of the fixture model, held against checked-in baselines (UPDATE_BASELINES=1 rewrites them).</summary>
public sealed class FixtureTreeTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void The_fixture_tree_matches_its_baseline_file_for_file()
    {
        var tree = Render();
        Assert.True(tree.Files.Count > 10);
        Baseline.AssertMatches("FixtureTree", tree.Files.ToDictionary(f => f.Key, f => f.Value.Text, StringComparer.Ordinal));
    }

    [Fact]
    public void Rendering_twice_gives_identical_text()
    {
        var first = Render();
        var second = Render();
        Assert.Equal(first.Files.Keys, second.Files.Keys);
        Assert.All(first.Files, f => Assert.Equal(f.Value.Text, second.Files[f.Key].Text));
    }

    [Fact]
    public void The_tree_does_not_depend_on_the_current_culture()
    {
        var invariant = Render();
        var previous = CultureInfo.CurrentCulture;
        try
        {
            // The pool threads that render clusters in parallel take the default culture, this thread its own: set both.
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.DefaultThreadCurrentCulture = new CultureInfo("tr-TR");
            var turkish = Render();
            Assert.All(invariant.Files, f => Assert.Equal(f.Value.Text, turkish.Files[f.Key].Text));
        }
        finally
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = previous;
            CultureInfo.DefaultThreadCurrentCulture = null;
        }
    }

    [Fact]
    public void Templates_with_windows_line_ends_are_written_with_unix_ones()
    {
        var template = Render().Files["charts/web/templates/deployment.yaml"].Text;
        Assert.DoesNotContain('\r', template);
        Assert.EndsWith("kind: Deployment\nmetadata:\n  name: web\n", template);
    }

    [Fact]
    public void Values_equal_to_a_chart_default_stay_out_of_the_cluster_file_and_a_removed_default_is_written_as_null()
    {
        var tree = Render();
        var prod = tree.Files["values/prod-sgp-1/web.yaml"].Text;
        var dev = tree.Files["values/dev-sgp-1/web.yaml"].Text;

        Assert.DoesNotContain("port:", prod); // 8080 is the default
        Assert.Contains("port: 9090", dev);
        Assert.DoesNotContain("pullPolicy", dev); // only in charts/web/values.yaml
        Assert.Contains("pullPolicy: IfNotPresent", tree.Files["charts/web/values.yaml"].Text);
        Assert.Contains("note: \"yes\"", dev); // a YAML 1.1 boolean word, quoted
    }

    private RenderedTree Render()
    {
        var paths = FixtureModel.CreateFiles(_temp);
        return InfraPipeline.Render(ModelLoader.Load(FixtureModel.Estate(), paths));
    }

    public void Dispose() => _temp.Dispose();
}
