using System.CommandLine;
using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Pipeline;

namespace Cogrion.InfraGen.Hosting;

/// <summary>The verbs and their options. Each verb is a thin face over <see cref="InfraPipeline"/>.</summary>
internal static class InfraGenCommands
{
    public static readonly Option<DirectoryInfo?> ModelOption = new("--model")
    {
        Description = "The model directory (holds the model project, charts/ and releases.yaml). Default: found from the current directory.",
    };

    public static readonly Option<DirectoryInfo?> OutOption = new("--out")
    {
        Description = "The generated tree's directory. Default: out/ beside the model directory.",
    };

    public static readonly Option<bool> MsBuildOption = new("--msbuild")
    {
        Description = "Report model files by absolute path, as MSBuild and IDEs want them.",
        Hidden = true,
    };

    public static RootCommand Build(IInfraCatalog catalog, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Cogrion.InfraGen: generates the Argo CD + Helm tree (out/) from the typed model (model/).");
        root.Options.Add(ModelOption);
        root.Options.Add(OutOption);
        root.Options.Add(MsBuildOption);
        ModelOption.Recursive = true;
        OutOption.Recursive = true;
        MsBuildOption.Recursive = true;

        var generate = new Command("generate", "Render the model and write out/: only changed files are written, files the model no longer produces are removed. Nothing is written if any check fails.");
        generate.SetAction(parse => Generate(parse, catalog, output, error));
        root.Subcommands.Add(generate);
        return root;
    }

    private static int Generate(ParseResult parse, IInfraCatalog catalog, TextWriter output, TextWriter error)
    {
        var paths = ResolvePaths(parse, error);
        if (paths is null)
        {
            return InfraGenHost.UsageOrModelError;
        }

        try
        {
            var report = InfraPipeline.Generate(catalog, paths);
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
        }
        catch (InfraGenException e)
        {
            return InfraGenHost.Report(e, paths, parse.GetValue(MsBuildOption), error);
        }
    }

    /// <summary>The model and output directories from the options, else found from the current directory.</summary>
    public static ModelPaths? ResolvePaths(ParseResult parse, TextWriter error)
    {
        var model = parse.GetValue(ModelOption);
        var outDirectory = parse.GetValue(OutOption);
        if (model is not null)
        {
            return new ModelPaths(model.FullName, outDirectory?.FullName ?? Path.Combine(model.Parent?.FullName ?? model.FullName, "out"));
        }

        var found = ModelPaths.Discover(Environment.CurrentDirectory);
        if (found is null)
        {
            error.WriteLine("infragen: error INFRA1010: no model found: run from a repository with a model/ directory holding the model project, or pass --model.");
            return null;
        }

        return outDirectory is null ? found : found with { OutDirectory = outDirectory.FullName };
    }
}
