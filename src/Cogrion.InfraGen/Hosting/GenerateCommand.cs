using System.CommandLine;
using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Output;
using Cogrion.InfraGen.Pipeline;

namespace Cogrion.InfraGen.Hosting;

/// <summary><c>generate</c>: what the build step does.</summary>
internal sealed class GenerateCommand : InfraGenVerb
{
    private readonly RenderOptionSet _render = new();

    public GenerateCommand()
        : base("generate", "Render the model and write out/: only changed files are written, files the model no longer produces are removed. Nothing is written if any check fails (with --render: also the Helm render check).")
    {
        _render.AddTo(Command, withSwitch: true);
    }

    public override int Run(ParseResult parse, VerbContext context) => WithPaths(parse, context, paths =>
    {
        var render = _render.IfEnabled(parse);
        var (written, rendered) = InfraPipeline.Generate(context.Catalog, paths, context.Error, render);
        var estate = Loading.ModelLoader.Define(context.Catalog);
        Print(written, paths.OutDirectory, context.Output, path => Output.RetirementCheck.Describe(estate, path));
        if (rendered is not null)
        {
            context.Output.WriteLine(rendered.Summary);
        }

        return ExitCodes.Ok;
    });

    /// <summary>What a write did: counts, then each file written or removed, and each copy written outside the tree.</summary>
    internal static void Print(WriteReport report, string outDirectory, TextWriter output, Func<string, string?>? removal = null)
    {
        output.WriteLine($"infragen: {report.Written.Count} written, {report.Deleted.Count} removed, {report.Unchanged} unchanged in {outDirectory}");
        foreach (var path in report.Written)
        {
            output.WriteLine($"  written  {path}");
        }

        foreach (var path in report.Deleted)
        {
            output.WriteLine(removal?.Invoke(path) is { } why ? $"  removed  {path}  ({why})" : $"  removed  {path}");
        }

        foreach (var path in report.Published)
        {
            output.WriteLine($"  written  {path}  (outside the tree: the model's Repo.CodeOwnersPath, where GitHub reads CODEOWNERS)");
        }
    }
}
