using System.CommandLine;
using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Hosting;

namespace Cogrion.InfraGen.Cli;

/// <summary>
/// The <c>infragen</c> command line. It has the model program's verbs and help (built from the same definitions);
/// running a verb builds the model and runs the verb in the built model program, which is the engine.
/// </summary>
internal static class Tool
{
    /// <summary>Skip building the model: run the model program as last built.</summary>
    private static readonly Option<bool> NoBuildOption = new("--no-build")
    {
        Description = "Do not build the model first; run the model program as it was last built.",
        Recursive = true,
        Arity = ArgumentArity.Zero,
    };

    /// <summary>Every failure of the tool itself (not the model program's, which reports its own) is diagnostics and an exit code.</summary>
    public static int Run(string[] args) => ErrorBoundary.Run(() =>
    {
        var root = InfraGenCommands.Build(_ => parse => Forward(parse, args));
        root.Description = "infragen: generates the Argo CD + Helm tree (out/) from the typed model (model/), checks it for drift, explains it, pins and promotes image tags, and lists the secrets to create. "
            + "Exit codes: 0 ok, 1 drift or policy failure, 2 usage or model error.";
        root.Options.Add(NoBuildOption);
        return InfraGenCommands.Invoke(root, args, Console.Out, Console.Error);
    }, paths: null, absolutePaths: true, Console.Error);

    private static int Forward(ParseResult parse, string[] args)
    {
        var program = ModelProgram.Find(InfraGenCommands.ResolvePaths(parse).ModelDirectory);
        if (parse.GetValue(NoBuildOption))
        {
            // The model program does not know --no-build; every other argument means the same to it.
            return program.Run(program.LastBuilt(), [.. args.Where(a => a != "--no-build")]);
        }

        var runCopy = program.Build();
        try
        {
            return program.Run(runCopy, args);
        }
        finally
        {
            ModelProgram.RemoveRunCopy(runCopy);
        }
    }
}
