using System.CommandLine;
using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Pipeline;
using Cogrion.InfraGen.Rendered;

namespace Cogrion.InfraGen.Hosting;

/// <summary>
/// <c>render</c>: renders every chart for every cluster with the pinned Helm as Argo CD does, checks what comes out, and
/// optionally writes the manifests. Last line: <c>render: pairs=N objects=M no-schema=U findings=F cached=C</c>. Exit
/// codes as <c>check</c>: 1 for findings, 2 for a model or Helm problem.
/// </summary>
internal sealed class RenderCommand : InfraGenVerb
{
    private readonly Option<string?> _cluster = new("--cluster") { Description = "Only this cluster." };
    private readonly Option<string?> _app = new("--app") { Description = "Only this app." };
    private readonly Option<DirectoryInfo?> _manifests = new("--manifests")
    {
        Description = "Write what Helm rendered to DIR/<cluster>/<app>.yaml (--out is the generated tree's directory, as for every verb).",
    };

    private readonly Option<bool> _updateFootprint = new("--update-footprint")
    {
        Description = "Write what each app renders (its namespaces and cluster-scoped kinds) to model/footprint.yaml, from which every build makes the AppProjects; then run `dotnet build` and commit both.",
    };

    private readonly RenderOptionSet _render = new();

    public RenderCommand()
        : base("render", "Render every chart for every cluster with the pinned Helm as Argo CD does (release = Application name, namespace = destination, CRDs, the cluster's Kubernetes version) and check what it renders: schemas, references between objects, names, Argo CD's sync rules, release-name independence, helm lint --strict. Writes nothing in out/.")
    {
        Command.Options.Add(_cluster);
        Command.Options.Add(_app);
        Command.Options.Add(_manifests);
        Command.Options.Add(_updateFootprint);
        _render.AddTo(Command);
    }

    public override int Run(ParseResult parse, VerbContext context) => WithPaths(parse, context, paths =>
    {
        var options = _render.From(parse, parse.GetValue(_cluster), parse.GetValue(_app));
        RenderReport report;
        if (parse.GetValue(_updateFootprint))
        {
            (_, report, var updated) = InfraPipeline.RenderUpdatingFootprint(context.Catalog, paths, options);
            context.Output.WriteLine(updated
                ? $"render: wrote {paths.Describe(paths.FootprintFile)}; run `dotnet build` to regenerate the AppProjects in out/, and commit both."
                : $"render: {paths.Describe(paths.FootprintFile)} already matches what Helm renders.");
        }
        else
        {
            (_, report) = InfraPipeline.RenderWithHelm(context.Catalog, paths, options);
        }

        if (parse.GetValue(_manifests) is { } directory)
        {
            WriteManifests(report.Estate, directory.FullName);
        }

        Func<string, string> display = parse.GetValue(InfraGenCommands.MsBuildOption) ? static f => f : paths.Describe;
        foreach (var diagnostic in report.Diagnostics)
        {
            context.Error.WriteLine(diagnostic.Format(display));
        }

        foreach (var (kind, count) in report.NoSchema)
        {
            context.Output.WriteLine($"  no schema: {kind} ({count} object{(count == 1 ? "" : "s")}): not checked against a schema");
        }

        foreach (var line in report.Accepted)
        {
            context.Output.WriteLine($"  accepted: {line}");
        }

        foreach (var line in report.External)
        {
            context.Output.WriteLine($"  external: {line}");
        }

        context.Output.WriteLine(report.Summary);
        return report.Diagnostics.Count == 0 ? ExitCodes.Ok : ExitCodes.For(report.Diagnostics);
    });

    /// <summary>Each release's manifests as Helm printed them, one file per cluster and app.</summary>
    private static void WriteManifests(RenderedEstate estate, string directory)
    {
        foreach (var release in estate.Releases)
        {
            var file = Path.Combine(directory, release.Cluster.Name, release.App.Name + ".yaml");
            RequestedFile.Write(file, release.Manifest.ReplaceLineEndings("\n"), "--manifests");
        }
    }
}
