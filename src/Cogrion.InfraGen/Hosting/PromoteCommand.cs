using System.CommandLine;
using Cogrion.InfraGen.Diagnostics;
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

    /// <summary>What was asked, with every name resolved and every option checked: nothing is written before this holds.</summary>
    private sealed record Request(Estate Estate, Cluster From, IReadOnlyList<Cluster> Targets, IReadOnlyList<App> Apps, FileInfo? Summary, bool Preview);

    public override int Run(ParseResult parse, VerbContext context) => WithPaths(parse, context, paths =>
    {
        var request = Resolve(parse, context.Catalog);

        // Held from reading releases.yaml to writing it back: a concurrent generate, set-image or promote waits.
        using var writing = OutDirectoryLock.ForWriting(paths.OutDirectory, context.Error);
        var current = ReleaseUpdate.ReadCurrent(paths);
        var changes = Changes(request, current, paths, context.Output);
        if (changes.Count == 0)
        {
            context.Output.WriteLine($"infragen promote: nothing was changed{(request.Summary is null ? "" : $"; {request.Summary.FullName} was not written (there is no pull request to open)")}.");
            return ExitCodes.Ok;
        }

        var result = ReleaseUpdate.Apply(request.Estate, paths, current, changes);
        SetImageCommand.PrintEdits(result, paths.Display(paths.ReleasesFile), Command.Name, context.Output);
        GenerateCommand.Print(result.Written, paths.OutDirectory, context.Output);
        if (request.Summary is { } summary)
        {
            WriteSummary(request, result, summary, paths, parse, context);
        }

        return ExitCodes.Ok;
    });

    /// <summary>The names and options, checked before anything is locked or written (INFRA1020, INFRA1021).</summary>
    private Request Resolve(ParseResult parse, IInfraCatalog catalog)
    {
        var estate = ModelLoader.Define(catalog);
        var names = new EstateNames(Command.Name);
        var from = names.Cluster(estate.Clusters, parse.GetValue(_from)!);
        var targets = parse.GetValue(_to)!.Distinct(StringComparer.Ordinal).Select(t => names.Cluster(estate.Clusters, t)).ToList();
        var apps = parse.GetValue(_apps)!.Distinct(StringComparer.Ordinal).Select(a => names.App(estate.Apps, a)).ToList();
        names.ThrowIfUnknown();

        var problems = new List<InfraDiagnostic>();
        if (targets.Any(t => t!.Name == from!.Name))
        {
            problems.Add(HostErrors.BadCommandLine($"--to {from!.Name} is the --from cluster; promote copies a tag to another cluster"));
        }

        // The summary is written last, after releases.yaml and out/: a path that can never be a file is refused first.
        var summary = parse.GetValue(_summary);
        RequestedFile.MustBeAFilePath(summary, "--summary");
        var preview = parse.GetValue(_preview);
        if (preview && summary is null)
        {
            problems.Add(HostErrors.BadCommandLine("--preview adds to the pull request body; give --summary <file> too"));
        }

        if (problems.Count > 0)
        {
            throw new InfraGenException(problems);
        }

        if (preview)
        {
            Helm.HelmTool.Locate(_render.From(parse).HelmPath); // Found before anything is written: a missing Helm changes nothing.
        }

        return new Request(estate, from!, targets!, apps!, summary, preview);
    }

    /// <summary>The tags to set: the source's tag for every target not already on it (INFRA1022 for a source without one).</summary>
    private static List<TagChange> Changes(Request request, Releases releases, ModelPaths paths, TextWriter output)
    {
        var changes = new List<TagChange>();
        var problems = new List<InfraDiagnostic>();
        foreach (var app in request.Apps)
        {
            if (releases.Find(request.From.Name, app.Name) is not { } source)
            {
                var why = ModelLoader.ReadsImageTag(app, request.From) ? $"{paths.Display(paths.ReleasesFile)} has no tag for it there" : "its values never use the context's ImageTag";
                problems.Add(HostErrors.NoTagThere("promote", $"app '{app.Name}' has no image tag on cluster '{request.From.Name}' to promote ({why})"));
                continue;
            }

            foreach (var target in request.Targets)
            {
                if (!ModelLoader.RunsOn(app, target))
                {
                    problems.Add(HostErrors.NoTagThere("promote", $"app '{app.Name}' does not run on cluster '{target.Name}' (its RunsOn leaves the cluster out)"));
                }
                else if (releases.Find(target.Name, app.Name)?.Tag == source.Tag)
                {
                    output.WriteLine($"infragen promote: {app.Name} on {target.Name} is already on {source.Tag}; nothing to do for it.");
                }
                else
                {
                    changes.Add(new TagChange(target.Name, app.Name, source.Tag));
                }
            }
        }

        return problems.Count > 0 ? throw new InfraGenException(problems) : changes;
    }

    /// <summary>The pull request body, written last: the promotion is done whether or not it can be written.</summary>
    private void WriteSummary(Request request, ReleaseUpdateResult result, FileInfo summary, ModelPaths paths, ParseResult parse, VerbContext context)
    {
        var command = $"infragen promote {string.Join(' ', request.Apps.Select(a => $"--app {a.Name}"))} --from {request.From.Name} {string.Join(' ', request.Targets.Select(t => $"--to {t.Name}"))}";
        var text = PromotionSummary.Render(result, request.From.Name, command, paths);
        if (request.Preview)
        {
            // Against HEAD, the tree before the promotion; the preview renders the working model in memory.
            text += "\n" + PromotionSummary.ClusterPreview(context.Catalog, paths, result, _render.From(parse));
        }

        RequestedFile.Write(summary.FullName, text, "--summary",
            afterwards: $"The promotion itself is done ({paths.Display(paths.ReleasesFile)} and out/ were written); only the pull request body is missing");
        context.Output.WriteLine($"infragen promote: wrote the pull request body to {summary.FullName}");
    }
}
