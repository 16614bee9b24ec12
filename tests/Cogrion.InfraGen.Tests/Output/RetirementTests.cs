using Cogrion.InfraGen.Tests.Support;

namespace Cogrion.InfraGen.Tests.Output;

/// <summary>
/// Deletion is deliberate: an app removed from the model would take its Applications, and with the resources finalizer
/// everything they deployed, off every cluster; without a retirement record generating refuses and out/ stays whole.
/// </summary>
public sealed class RetirementTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void Child_applications_carry_the_resources_finalizer_and_the_root_does_not()
    {
        var paths = FixtureModel.CreateGenerated(_temp);

        Assert.Contains("  finalizers:\n    - resources-finalizer.argocd.argoproj.io\n", File.ReadAllText(Path.Combine(paths.OutDirectory, "argocd", "apps", "dev-sgp-1", "db.yaml")));
        Assert.DoesNotContain("finalizers", File.ReadAllText(Path.Combine(paths.OutDirectory, "argocd", "root", "dev-sgp-1.yaml")));
    }

    [Fact]
    public void Removing_an_app_without_a_retirement_is_INFRA1014_naming_the_app_and_its_clusters_and_writes_nothing()
    {
        var paths = FixtureModel.CreateGenerated(_temp);
        var before = TempDirectory.Snapshot(paths.OutDirectory);

        var run = HostRun.Generate(new TestCatalog(FixtureModel.Estate(apps: [WebAlone()])), paths);

        Assert.True(run.ExitCode == 2, run.Error);
        Assert.Contains("error INFRA1014: App 'db' is no longer in the model, so this run would remove its Applications on dev-sgp-1, prod-sgp-1: once pushed, Argo CD prunes them and deletes everything deployed from them", run.Error, StringComparison.Ordinal);
        Assert.StartsWith("out/argocd/apps/dev-sgp-1/db.yaml(1): error INFRA1014", run.Error, StringComparison.Ordinal);
        Assert.Contains("Retired = [new Retirement(\"db\", \"why it goes\")]", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, TempDirectory.Snapshot(paths.OutDirectory));
    }

    [Fact]
    public void Removing_an_app_with_a_retirement_removes_its_files()
    {
        var paths = FixtureModel.CreateGenerated(_temp);
        var retiring = FixtureModel.Estate(apps: [WebAlone()]) with { Retired = [new Retirement("db", "moved to RDS")] };

        var run = HostRun.Generate(new TestCatalog(retiring), paths);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.False(File.Exists(Path.Combine(paths.OutDirectory, "argocd", "apps", "dev-sgp-1", "db.yaml")));
        Assert.False(Directory.Exists(Path.Combine(paths.OutDirectory, "charts", "db")));
        Assert.True(File.Exists(Path.Combine(paths.OutDirectory, "argocd", "apps", "dev-sgp-1", "web.yaml")));
    }

    /// <summary>The web app without its dependency on db, so db can go.</summary>
    private static App<WebValues> WebAlone()
    {
        var web = FixtureModel.Web();
        return new App<WebValues>(web.Chart, c => (WebValues?)web.ValuesFor(c)) { Secrets = web.Secrets };
    }

    public void Dispose() => _temp.Dispose();
}
