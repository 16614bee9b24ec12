using Cogrion.InfraGen.EndToEnd.Support;

namespace Cogrion.InfraGen.EndToEnd;

/// <summary>
/// <c>./infragen watch</c> on the copy of this repository, as a person runs it: each save regenerates out/ and says
/// what changed; a save that does not compile is reported and the next one goes on; and what watch wrote is exactly
/// what <c>dotnet build</c> writes for the same model.
/// </summary>
[Collection(PackedRepositoryCollection.Name)]
public sealed class WatchTests(PackedRepository packed)
{
    private static readonly TimeSpan Start = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Save = TimeSpan.FromMinutes(1);

    private string Out => Path.Combine(packed.Repo, "out");

    [Fact]
    public void Each_save_regenerates_out_a_compile_error_is_reported_and_survived_and_out_is_what_dotnet_build_writes()
    {
        var app = Path.Combine(packed.Repo, "model", "Apps", "ControlPlane.cs");
        var releases = Path.Combine(packed.Repo, "model", "releases.yaml");
        var values = Path.Combine(Out, "values", "dev-sgp-1", "control-plane.yaml");
        var (original, originalReleases) = (File.ReadAllText(app), File.ReadAllText(releases));
        var snapshot = RepositoryFiles.Snapshot(Out);
        try
        {
            using var watch = RunningCommand.Start(Path.Combine(packed.Repo, "infragen"), ["watch"], packed.Repo);
            watch.WaitForOutput("infragen watch: watching model/", Start);
            Assert.Contains("start: compiled", watch.Output);
            Assert.Contains("out/ unchanged (", watch.Output); // The committed tree is what the model generates.

            // A value in an app file: the values files change, with their diff.
            File.WriteAllText(app, Repository(original, "control-plane-api"));
            watch.WaitForOutput("file(s) changed in out/", Save);
            watch.WaitForOutput("    +  repository: ghcr.io/cogrion/control-plane-api\n", Save); // The report's last line: the reader gets a block line by line.
            Assert.Contains("  changed  out/values/dev-sgp-1/control-plane.yaml", watch.Output);
            Assert.Contains("    -  repository: ghcr.io/cogrion/control-plane\n    +  repository: ghcr.io/cogrion/control-plane-api\n", watch.Output);
            Assert.Contains("repository: ghcr.io/cogrion/control-plane-api\n", File.ReadAllText(values));

            // A save that does not compile: the compiler's error in the canonical format, out/ left as it was.
            var written = File.ReadAllBytes(values);
            File.WriteAllText(app, Repository(original, "control-plane-api") + "not C#\n");
            watch.WaitForOutput("the model does not compile", Save);
            Assert.Matches(@"(?m)^model/Apps/ControlPlane\.cs\(\d+,\d+\): error CS\d{4}: ", watch.Error);
            Assert.Equal(written, File.ReadAllBytes(values));

            // Fixed: watch goes on.
            var changes = watch.Seen("file(s) changed in out/");
            File.WriteAllText(app, Repository(original, "control-plane-v2"));
            watch.WaitForOutput("file(s) changed in out/", Save, seen: changes);
            Assert.Contains("repository: ghcr.io/cogrion/control-plane-v2\n", File.ReadAllText(values));

            // releases.yaml is data the program reads: regenerated without compiling.
            File.WriteAllText(releases, originalReleases.Replace("control-plane: sha-a1b2c3d", "control-plane: sha-1234567", StringComparison.Ordinal));
            watch.WaitForOutput("model/releases.yaml: generated", Save);
            Assert.Contains("tag: sha-1234567\n", File.ReadAllText(values));

            Assert.Equal(0, watch.Interrupt(Save));
            Assert.DoesNotContain("Unhandled exception", watch.Error);

            // The build compiles the edited model itself and generates: it finds nothing to change.
            var fromWatch = RepositoryFiles.Snapshot(Out);
            PackedRepository.Succeeds(Command.DotnetCli(packed.Repo, "build", "model/Cogrion.Infra.Model.csproj", "-nologo", "-v:q"));
            var fromBuild = RepositoryFiles.Snapshot(Out);
            Assert.Equal(fromWatch.Keys.Order(StringComparer.Ordinal), fromBuild.Keys.Order(StringComparer.Ordinal));
            Assert.All(fromWatch, f => Assert.True(f.Value.AsSpan().SequenceEqual(fromBuild[f.Key]), $"out/{f.Key}: dotnet build wrote other bytes than watch."));
        }
        finally
        {
            File.WriteAllText(app, original);
            File.WriteAllText(releases, originalReleases);
            RepositoryFiles.Restore(Out, snapshot);
        }
    }

    private static string Repository(string source, string name)
    {
        var edited = source.Replace("\"ghcr.io/cogrion/control-plane\"", $"\"ghcr.io/cogrion/{name}\"", StringComparison.Ordinal);
        Assert.NotEqual(source, edited); // The edit still applies to the model.
        return edited;
    }
}
