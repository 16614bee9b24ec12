using System.CommandLine;
using System.Text;
using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Output;
using Cogrion.InfraGen.Releasing;

namespace Cogrion.InfraGen.Hosting;

/// <summary>
/// <c>promote --app &lt;a&gt; --from &lt;c1&gt; --to &lt;c2&gt; [--summary &lt;file&gt;]</c>: copies an app's tag from one cluster to
/// another (dev to prod, or into a new cluster) and regenerates <c>out/</c>; the pull request a human reviews.
/// </summary>
internal sealed class PromoteCommand : InfraGenVerb
{
    private readonly Option<string[]> _apps = new("--app") { Description = "The app whose tag to copy; repeat for several.", Required = true };
    private readonly Option<string> _from = new("--from") { Description = "The cluster whose tag is copied (dev-sgp-1).", Required = true };
    private readonly Option<string[]> _to = new("--to") { Description = "The cluster that gets the tag (prod-sgp-1); repeat for several.", Required = true };
    private readonly Option<FileInfo?> _summary = new("--summary") { Description = "Also write a Markdown pull request body to this file: the apps, old -> new tags, the clusters affected, and `infragen diff` of the clusters for those apps." };
    private readonly Option<bool> _preview = new("--preview") { Description = "Add to the --summary body what the target clusters will change (as `infragen preview` against HEAD); needs the pinned Helm." };
    private readonly RenderOptionSet _render = new();

    public PromoteCommand()
        : base("promote", "Copy an app's image tag from one cluster to another in model/releases.yaml and regenerate out/. Refuses (exit 2) an unknown cluster or app and a source with no tag; a target already on the tag is left alone (exit 0).")
    {
        Command.Options.Add(_apps);
        Command.Options.Add(_from);
        Command.Options.Add(_to);
        Command.Options.Add(_summary);
        Command.Options.Add(_preview);
        _render.AddTo(Command);
    }

    public override int Run(ParseResult parse, VerbContext context) => WithPaths(parse, context, paths =>
    {
        var estate = ModelLoader.Define(context.Catalog);
        var error = context.Error;
        var from = EstateNames.Cluster(estate.Clusters, parse.GetValue(_from)!, Command.Name, error);
        var targets = parse.GetValue(_to)!.Distinct(StringComparer.Ordinal).Select(t => EstateNames.Cluster(estate.Clusters, t, Command.Name, error)).ToList();
        var apps = parse.GetValue(_apps)!.Distinct(StringComparer.Ordinal).Select(a => EstateNames.App(estate.Apps, a, Command.Name, error)).ToList();
        if (from is null || targets.Contains(null) || apps.Contains(null))
        {
            return InfraGenHost.UsageOrModelError;
        }

        if (targets.Any(t => t!.Name == from.Name))
        {
            error.WriteLine($"infragen promote: error: --to {from.Name} is the --from cluster; promote copies a tag to another cluster.");
            return InfraGenHost.UsageOrModelError;
        }

        // The summary is written last, after releases.yaml and out/: a path that can never be a file is refused first.
        var summary = parse.GetValue(_summary);
        if (summary is not null && Directory.Exists(summary.FullName))
        {
            error.WriteLine($"infragen promote: error: --summary {summary.FullName} is a directory; give the path of the Markdown file to write. Nothing was changed.");
            return InfraGenHost.UsageOrModelError;
        }

        // With --preview, Helm is found before anything is written: a missing one changes nothing.
        var preview = parse.GetValue(_preview);
        if (preview && summary is null)
        {
            error.WriteLine("infragen promote: error: --preview adds to the pull request body; give --summary <file> too. Nothing was changed.");
            return InfraGenHost.UsageOrModelError;
        }

        var render = _render.From(parse);
        if (preview)
        {
            Helm.HelmTool.Locate(render.HelmPath);
        }

        // Held from reading releases.yaml to writing it back: a concurrent generate, set-image or promote waits.
        using var writing = OutDirectoryLock.ForWriting(paths.OutDirectory, context.Error);
        var current = ReleaseUpdate.ReadCurrent(paths);
        var releasesFile = paths.Display(paths.ReleasesFile);
        var changes = new List<TagChange>();
        var refused = false;
        foreach (var app in apps)
        {
            if (current.Find(from.Name, app!.Name) is not { } source)
            {
                var why = ModelLoader.ReadsImageTag(app, from) ? $"{releasesFile} has no tag for it there" : "its values never use the context's ImageTag";
                error.WriteLine($"infragen promote: error: app '{app.Name}' has no image tag on cluster '{from.Name}' to promote ({why}). Nothing was changed.");
                refused = true;
                continue;
            }

            foreach (var target in targets.OfType<Cluster>())
            {
                if (!ModelLoader.RunsOn(app, target))
                {
                    error.WriteLine($"infragen promote: error: app '{app.Name}' does not run on cluster '{target.Name}' (its RunsOn leaves the cluster out). Nothing was changed.");
                    refused = true;
                }
                else if (current.Find(target.Name, app.Name)?.Tag == source.Tag)
                {
                    context.Output.WriteLine($"infragen promote: {app.Name} on {target.Name} is already on {source.Tag}; nothing to do for it.");
                }
                else
                {
                    changes.Add(new TagChange(target.Name, app.Name, source.Tag));
                }
            }
        }

        if (refused)
        {
            return InfraGenHost.UsageOrModelError;
        }

        if (changes.Count == 0)
        {
            context.Output.WriteLine($"infragen promote: nothing was changed{(summary is null ? "" : $"; {summary.FullName} was not written (there is no pull request to open)")}.");
            return InfraGenHost.Ok;
        }

        var result = ReleaseUpdate.Apply(estate, paths, current, changes);
        SetImageCommand.PrintEdits(result, releasesFile, Command.Name, context.Output);
        GenerateCommand.Print(result.Written, paths.OutDirectory, context.Output);
        if (summary is not null)
        {
            var command = $"infragen promote {string.Join(' ', apps.Select(a => $"--app {a!.Name}"))} --from {from.Name} {string.Join(' ', targets.Select(t => $"--to {t!.Name}"))}";
            var text = PromotionSummary.Render(result, from.Name, command, paths);
            if (preview)
            {
                // Against HEAD, the tree before the promotion; the preview renders the working model in memory.
                text += "\n" + PromotionSummary.ClusterPreview(context.Catalog, paths, result, render);
            }
            try
            {
                summary.Directory?.Create();
                File.WriteAllText(summary.FullName, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"infragen promote: error: could not write the pull request body to {summary.FullName}: {e.Message} "
                    + $"The promotion itself is done ({releasesFile} and out/ were written); only the body is missing.");
                return InfraGenHost.UsageOrModelError;
            }

            context.Output.WriteLine($"infragen promote: wrote the pull request body to {summary.FullName}");
        }

        return InfraGenHost.Ok;
    });
}
