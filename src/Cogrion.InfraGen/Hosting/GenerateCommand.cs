using System.CommandLine;
using Cogrion.InfraGen.Pipeline;

namespace Cogrion.InfraGen.Hosting;

/// <summary><c>generate</c>: what the build step does.</summary>
internal sealed class GenerateCommand()
    : InfraGenVerb("generate", "Render the model and write out/: only changed files are written, files the model no longer produces are removed. Nothing is written if any check fails.")
{
    public override int Run(ParseResult parse, VerbContext context) => WithPaths(parse, context, paths =>
    {
        var report = InfraPipeline.Generate(context.Catalog, paths, context.Error);
        var output = context.Output;
        output.WriteLine($"infragen: {report.Written.Count} written, {report.Deleted.Count} removed, {report.Unchanged} unchanged in {paths.OutDirectory}");
        foreach (var path in report.Written)
        {
            output.WriteLine($"  written  {path}");
        }

        foreach (var path in report.Deleted)
        {
            output.WriteLine($"  removed  {path}");
        }

        return InfraGenHost.Ok;
    });
}
