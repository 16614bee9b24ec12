using System.Diagnostics;
using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Generated;
using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Preview;
using Cogrion.InfraGen.Tests.Support;

namespace Cogrion.InfraGen.Tests.Rendered;

/// <summary>
/// <c>preview</c>: the committed tree of a git repository against the tree the working model renders, both rendered by
/// the pinned Helm: a one-tag change shows as that app's objects on that cluster, field by field, and nothing else.
/// </summary>
[Trait("Speed", "Slow")]
[Collection(HelmCollection.Name)]
public sealed class PreviewTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void A_tag_change_previews_as_the_changed_objects_of_that_app_on_that_cluster()
    {
        var paths = CommittedRepository();
        ModelCopy.Edit(paths, "releases.yaml", File.ReadAllLines(paths.ReleasesFile).First(l => l.TrimStart().StartsWith("control-plane:", StringComparison.Ordinal)).Trim(), "control-plane: sha-1234567");

        var report = PreviewRun.Run(new InfraCatalog(), paths, Options());

        Assert.NotEmpty(report.Changes);
        Assert.All(report.Changes, c => Assert.Equal(("dev-sgp-1", "control-plane", ChangeKind.Changed), (c.Cluster, c.App, c.Kind)));
        var deployment = Assert.Single(report.Changes, c => c.Object == "Deployment/control-plane");
        var image = Assert.Single(deployment.Fields, f => f.Path == "spec.template.spec.containers[0].image");
        Assert.EndsWith(":sha-1234567", image.After, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Changes.SelectMany(c => c.Fields), f => f.Path.EndsWith("helm.sh/chart", StringComparison.Ordinal));

        var markdown = PreviewMarkdown.Write(report);
        Assert.Contains("#### dev-sgp-1 / control-plane\n- changed `Deployment/control-plane` in `control-plane`\n", markdown, StringComparison.Ordinal);
        Assert.Contains("  + spec.template.spec.containers[0].image: ghcr.io/cogrion/control-plane:sha-1234567\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unchanged_model_previews_as_no_change()
    {
        var paths = CommittedRepository();

        var report = PreviewRun.Run(new InfraCatalog(), paths, Options());

        Assert.Empty(report.Changes);
        Assert.Equal(16, report.Applications);
        Assert.Contains("No Kubernetes object changes", PreviewMarkdown.Write(report), StringComparison.Ordinal);
    }

    [Fact]
    public void A_base_revision_that_does_not_exist_is_INFRA4006()
    {
        var paths = CommittedRepository();

        var error = Assert.Throws<InfraGenException>(() => PreviewRun.Run(new InfraCatalog(), paths, Options() with { Base = "no-such-branch" }));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("INFRA4006", diagnostic.Code);
        Assert.Contains("'no-such-branch'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Promote_with_preview_adds_what_the_target_cluster_will_change_to_the_pull_request_body()
    {
        var paths = CommittedRepository();
        var body = _temp.Combine("body.md");

        var run = HostRun.Verb(new InfraCatalog(), paths,
            ["promote", "--app", "control-plane", "--from", "dev-sgp-1", "--to", "prod-sgp-1", "--summary", body, "--preview", .. PinnedHelm.VerbOptions]);

        Assert.True(run.ExitCode == 0, run.Error + run.Output);
        Assert.False(Directory.Exists(paths.RenderCacheDirectory)); // --render-cache reaches the preview: the copy's obj/ was not used.
        var text = File.ReadAllText(body);
        Assert.Contains("### What the clusters will change (Helm-rendered, base `HEAD` -> this change)\n\n#### prod-sgp-1 / control-plane\n", text, StringComparison.Ordinal);
        Assert.Contains("  + spec.template.spec.containers[0].image: ghcr.io/cogrion/control-plane:sha-a1b2c3d\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("#### dev-sgp-1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Promote_with_preview_and_no_helm_changes_nothing()
    {
        var paths = CommittedRepository();
        var releases = File.ReadAllText(paths.ReleasesFile);

        var run = HostRun.Verb(new InfraCatalog(), paths, "promote", "--app", "control-plane", "--from", "dev-sgp-1", "--to", "prod-sgp-1",
            "--summary", _temp.Combine("body.md"), "--preview", "--helm", _temp.Combine("no-such-helm"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("INFRA4001", run.Error, StringComparison.Ordinal);
        Assert.Equal(releases, File.ReadAllText(paths.ReleasesFile));
    }

    private static PreviewOptions Options() =>
        PreviewOptions.For("HEAD", PinnedHelm.Options());

    /// <summary>A copy of the real model and its committed tree, committed in a git repository of their own.</summary>
    private ModelPaths CommittedRepository()
    {
        var paths = ModelCopy.Create(_temp, "repo");
        foreach (var file in Directory.EnumerateFiles(RealModel.Paths.OutDirectory, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(paths.OutDirectory, Path.GetRelativePath(RealModel.Paths.OutDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        Git(paths.RepoRoot, "init", "-q");
        Git(paths.RepoRoot, "add", "-A");
        Git(paths.RepoRoot, "-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "base");
        return paths;
    }

    private static void Git(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', arguments)}: {error}");
    }

    public void Dispose() => _temp.Dispose();
}
