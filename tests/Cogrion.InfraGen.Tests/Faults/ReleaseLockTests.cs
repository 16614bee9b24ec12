using Cogrion.InfraGen.Output;
using Cogrion.InfraGen.Tests.Support;

namespace Cogrion.InfraGen.Tests.Faults;

/// <summary>
/// set-image and promote edit releases.yaml and regenerate out/: they take the same lock as generate, from reading
/// releases.yaml to writing it back, so a build running at the same time never interleaves with them.
/// </summary>
public sealed class ReleaseLockTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Theory]
    [InlineData("set-image", "--cluster", "prod-sgp-1", "--app", "web", "--tag", "sha-0123abc")]
    [InlineData("promote", "--app", "web", "--from", "dev-sgp-1", "--to", "prod-sgp-1")]
    public async Task A_release_edit_waits_for_a_generation_holding_the_lock(params string[] args)
    {
        var paths = FixtureModel.CreateGenerated(_temp);
        var releasesBefore = File.ReadAllText(paths.ReleasesFile);
        var held = OutDirectoryLock.ForWriting(paths.OutDirectory, TextWriter.Null);

        var edit = Task.Run(() => HostRun.Verb(new TestCatalog(FixtureModel.Estate()), paths, args));

        // While the lock is held, the edit has not touched releases.yaml (it waits before reading it).
        var finished = await Task.WhenAny(edit, Task.Delay(TimeSpan.FromSeconds(2)));
        Assert.NotSame(edit, finished);
        Assert.Equal(releasesBefore, File.ReadAllText(paths.ReleasesFile));

        held.Dispose();
        var run = await edit;
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("infragen: another run is using", run.Error);
        Assert.NotEqual(releasesBefore, File.ReadAllText(paths.ReleasesFile));
    }

    public void Dispose() => _temp.Dispose();
}
