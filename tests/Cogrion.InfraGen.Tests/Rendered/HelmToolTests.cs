using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Generated;
using Cogrion.InfraGen.Helm;
using Cogrion.InfraGen.Pipeline;
using Cogrion.InfraGen.Tests.Support;

namespace Cogrion.InfraGen.Tests.Rendered;

/// <summary>
/// The render check never passes by skipping: no Helm, another Helm version or a missing chart package is one clear
/// error saying how to get what is missing, and <c>check --render</c> fails with it.
/// </summary>
[Trait("Speed", "Slow")]
[Collection(HelmCollection.Name)]
public sealed class HelmToolTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void A_missing_helm_is_INFRA4001_saying_how_to_get_the_pinned_one()
    {
        var error = Assert.Throws<InfraGenException>(() => HelmTool.Locate(_temp.Combine("no-such-helm")));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("INFRA4001", diagnostic.Code);
        Assert.Contains("no-such-helm", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains(HelmPin.Version, diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("eng/get-helm.sh", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_helm_version_is_INFRA4002_naming_both_versions()
    {
        var fake = _temp.Combine(OperatingSystem.IsWindows() ? "helm.cmd" : "helm");
        if (OperatingSystem.IsWindows())
        {
            File.WriteAllText(fake, "@echo v3.14.0\r\n");
        }
        else
        {
            File.WriteAllText(fake, "#!/bin/sh\necho v3.14.0\n");
            File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var error = Assert.Throws<InfraGenException>(() => HelmTool.Locate(fake));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("INFRA4002", diagnostic.Code);
        Assert.Contains("v3.14.0", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains($"not the pinned {HelmPin.Version}", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pinned_helm_is_found_and_is_the_pinned_version()
    {
        var helm = HelmTool.Locate(PinnedHelm.Path);

        Assert.Equal(HelmPin.Version, helm.Version);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_helm_killed_while_rendering_is_INFRA4001_exit_2_not_a_chart_that_fails_to_render()
    {
        // Issue 15: a Helm ended by a signal came back as INFRA4004 "could not render" with an empty reason, blaming
        // every chart. The fake is a shell script that answers the version and kills itself for anything else.
        var fake = _temp.Combine("helm");
        File.WriteAllText(fake, $"#!/bin/sh\nif [ \"$1\" = version ]; then exec '{PinnedHelm.Path}' \"$@\"; fi\nkill -9 $$\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var paths = ModelCopy.Create(_temp, "killed"); // A render cache of its own: every pair needs Helm.

        var run = HostRun.Verb(new InfraCatalog(), paths, "render", "--cluster", "dev-sgp-1", "--helm", fake, "--chart-cache", PinnedHelm.ChartCache);

        Assert.True(run.ExitCode == ExitCodes.Refused, run.Error);
        Assert.True(run.Error.Contains($"infragen: error INFRA4001: Helm '{fake}' stopped before it finished: `helm ", StringComparison.Ordinal), run.Error);
        Assert.Contains("was ended by signal 9 (killed, or out of memory)", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("INFRA4004", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_manifests_into_a_path_below_a_file_is_INFRA3005_not_an_unhandled_exception()
    {
        // Issue 15: writing the manifests threw DirectoryNotFoundException to System.CommandLine, which printed its stack.
        File.WriteAllText(_temp.Combine("a-file"), "not a directory\n");
        var manifests = _temp.Combine("a-file", "manifests");

        var run = HostRun.Verb(new InfraCatalog(), RealModel.Paths, ["render", "--cluster", "dev-sgp-1", "--manifests", manifests, .. PinnedHelm.VerbOptions]);

        Assert.True(run.ExitCode == ExitCodes.Refused, run.Error);
        Assert.Contains($"infragen: error INFRA3005: cannot write --manifests {Path.Combine(manifests, "dev-sgp-1")}", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_with_render_fails_without_helm_and_does_not_skip()
    {
        var run = HostRun.Verb(new InfraCatalog(), RealModel.Paths, "check", "--render", "--helm", _temp.Combine("no-such-helm"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("INFRA4001", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chart_package_missing_from_the_chart_cache_is_INFRA4003_naming_chart_version_and_repository()
    {
        var emptyCache = _temp.Combine("charts");
        Directory.CreateDirectory(emptyCache);
        var options = PinnedHelm.Options() with { ChartCache = emptyCache, CacheDirectory = _temp.Combine("render") };

        var error = Assert.Throws<InfraGenException>(() => InfraPipeline.RenderWithHelm(new InfraCatalog(), RealModel.Paths, options));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("INFRA4003", diagnostic.Code);
        Assert.Matches(@"^Chart '[a-z-]+' depends on [a-z-]+ \d+\.\d+\.\d+ from (https|oci)://\S+, but the chart cache .+ has no [a-z-]+-\d+\.\d+\.\d+\.tgz\.", diagnostic.Message);
        Assert.Contains(Path.Combine("model", "Apps"), diagnostic.Location.File, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}
