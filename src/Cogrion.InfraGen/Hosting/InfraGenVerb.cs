using System.CommandLine;
using Cogrion.InfraGen.Loading;

namespace Cogrion.InfraGen.Hosting;

/// <summary>What a verb runs with inside the model program.</summary>
/// <param name="Catalog">The model, as the source generator catalogued it.</param>
/// <param name="Output">Where results go.</param>
/// <param name="Error">Where problems go.</param>
internal sealed record VerbContext(IInfraCatalog Catalog, TextWriter Output, TextWriter Error);

/// <summary>
/// One verb of the command line. Its definition (name, help, arguments, options) is shared by the model program,
/// which runs it, and the <c>infragen</c> tool, which shows its help and forwards it to the model program; so a new
/// verb is one new class plus one line in <see cref="InfraGenCommands.Verbs"/>.
/// </summary>
internal abstract class InfraGenVerb
{
    protected InfraGenVerb(string name, string description) => Command = new Command(name, description);

    /// <summary>The verb's command, without an action: the caller decides what running it means.</summary>
    public Command Command { get; }

    /// <summary>Runs the verb inside the model program and returns its exit code.</summary>
    public abstract int Run(ParseResult parse, VerbContext context);

    /// <summary>
    /// Resolves model/ and out/ and runs <paramref name="run"/>; whatever it throws is reported by the
    /// <see cref="ErrorBoundary"/>, with model files shown relative to the repository.
    /// </summary>
    protected static int WithPaths(ParseResult parse, VerbContext context, Func<ModelPaths, int> run)
    {
        var paths = InfraGenCommands.ResolvePaths(parse);
        return ErrorBoundary.Run(() => run(paths), paths, parse.GetValue(InfraGenCommands.MsBuildOption), context.Error);
    }
}
