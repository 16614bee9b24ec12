using System.CommandLine;
using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Output;
using Cogrion.InfraGen.Releasing;

namespace Cogrion.InfraGen.Hosting;

/// <summary>
/// <c>set-image --cluster &lt;c&gt; --app &lt;a&gt; --tag &lt;sha-…&gt;</c>: what the app repository's deploy workflow runs for
/// dev. Sets the app's line in <c>releases.yaml</c> and regenerates <c>out/</c>; the diff is that line plus the
/// regenerated values line.
/// </summary>
internal sealed class SetImageCommand : InfraGenVerb
{
    private readonly Option<string> _cluster = new("--cluster") { Description = "The cluster to deploy to (dev-sgp-1).", Required = true };
    private readonly Option<string> _app = new("--app") { Description = "The app whose image tag to set (control-plane).", Required = true };
    private readonly Option<string> _tag = TagOption("--tag", "The image tag: sha- and 7 to 40 lower-case hex digits of the commit (sha-a1b2c3d); latest is refused.");

    public SetImageCommand()
        : base("set-image", "Pin an app's image tag on a cluster: edits the app's one line in model/releases.yaml (comments and order kept; adds the line, or the cluster's section, when missing) and regenerates out/. Nothing is written if the tag is not sha-<7..40 hex> or the model does not render with it.")
    {
        Command.Options.Add(_cluster);
        Command.Options.Add(_app);
        Command.Options.Add(_tag);
    }

    /// <summary>
    /// An option holding an image tag, refused while parsing unless it is a <c>sha-</c> tag: a usage error (exit 2)
    /// in the tool too, before it builds anything.
    /// </summary>
    internal static Option<string> TagOption(string name, string description)
    {
        var option = new Option<string>(name) { Description = description, Required = true };
        option.Validators.Add(result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
            if (!ImageTag.IsValid(text))
            {
                result.AddError($"{ImageTag.Quote(text)} is not an image tag for {name}: expected {ImageTag.Rule}; 'latest' and empty tags are never deployed.");
            }
        });
        return option;
    }

    public override int Run(ParseResult parse, VerbContext context) => WithPaths(parse, context, paths =>
    {
        var estate = ModelLoader.Define(context.Catalog);
        var names = new EstateNames(Command.Name);
        var cluster = names.Cluster(estate.Clusters, parse.GetValue(_cluster)!);
        var app = names.App(estate.Apps, parse.GetValue(_app)!);
        names.ThrowIfUnknown();
        if (!ModelLoader.RunsOn(app!, cluster!))
        {
            throw new InfraGenException([HostErrors.NoTagThere(Command.Name, $"app '{app!.Name}' does not run on cluster '{cluster!.Name}' (its RunsOn leaves the cluster out), so releases.yaml has no line for it")]);
        }

        if (!ModelLoader.ReadsImageTag(app!, cluster!))
        {
            throw new InfraGenException([HostErrors.NoTagThere(Command.Name, $"app '{app!.Name}' reads no image tag on cluster '{cluster!.Name}' (its values never use the context's ImageTag), so releases.yaml has no line for it")]);
        }

        var tag = ImageTag.Parse(parse.GetValue(_tag)!);
        // Held from reading releases.yaml to writing it back: a concurrent generate, set-image or promote waits.
        using var writing = OutDirectoryLock.ForWriting(paths.OutDirectory, context.Error);
        var current = ReleaseUpdate.ReadCurrent(paths);
        var releasesFile = paths.Display(paths.ReleasesFile);
        if (current.Find(cluster!.Name, app!.Name) is { } entry && entry.Tag == tag)
        {
            context.Output.WriteLine($"infragen set-image: {app.Name} on {cluster.Name} is already on {tag} ({releasesFile} line {entry.Line}); nothing was changed.");
            return ExitCodes.Ok;
        }

        var result = ReleaseUpdate.Apply(estate, paths, current, [new TagChange(cluster.Name, app.Name, tag)]);
        PrintEdits(result, releasesFile, Command.Name, context.Output);
        GenerateCommand.Print(result.Written, paths.OutDirectory, context.Output);
        return ExitCodes.Ok;
    });

    /// <summary>Each tag set, as <c>model/releases.yaml line 5: control-plane on dev-sgp-1 sha-… -> sha-…</c>.</summary>
    internal static void PrintEdits(ReleaseUpdateResult result, string releasesFile, string verb, TextWriter output)
    {
        foreach (var edit in result.Edits)
        {
            output.WriteLine($"infragen {verb}: {releasesFile} {edit.Describe()}");
        }
    }
}
