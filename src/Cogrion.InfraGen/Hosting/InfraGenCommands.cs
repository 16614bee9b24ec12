using System.CommandLine;
using System.CommandLine.Invocation;
using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Loading;

namespace Cogrion.InfraGen.Hosting;

/// <summary>
/// The command line: the options every verb shares and the list of verbs. The model program and the
/// <c>infragen</c> tool build the same tree from here, so both show the same help.
/// </summary>
internal static class InfraGenCommands
{
    public static readonly Option<DirectoryInfo?> ModelOption = new("--model")
    {
        Description = "The model directory (holds the model project, charts/ and releases.yaml). Default: found from the current directory.",
        Recursive = true,
    };

    public static readonly Option<DirectoryInfo?> OutOption = new("--out")
    {
        Description = "The generated tree's directory. Default: out/ beside the model directory.",
        Recursive = true,
    };

    public static readonly Option<bool> MsBuildOption = new("--msbuild")
    {
        Description = "Report model files by absolute path, as MSBuild and IDEs want them.",
        Hidden = true,
        Recursive = true,
    };

    /// <summary>Every verb, in help order. A new verb is one class and one line here.</summary>
    public static IReadOnlyList<Func<InfraGenVerb>> Verbs { get; } =
    [
        () => new GenerateCommand(),
        () => new CheckCommand(),
        () => new RenderCommand(),
        () => new PreviewCommand(),
        () => new DiffCommand(),
        () => new ExplainCommand(),
        () => new WatchCommand(),
        () => new SetImageCommand(),
        () => new PromoteCommand(),
        () => new SecretsCommand(),
    ];

    /// <summary>The model program's command line: each verb runs over <paramref name="catalog"/>.</summary>
    public static RootCommand Build(IInfraCatalog catalog, TextWriter output, TextWriter error) =>
        Build(verb => parse => verb.Run(parse, new VerbContext(catalog, output, error)));

    /// <summary>The command line with each verb's action chosen by the caller (the tool forwards instead of running).</summary>
    public static RootCommand Build(Func<InfraGenVerb, Func<ParseResult, int>> actionFor)
    {
        var root = new RootCommand("Cogrion.InfraGen: generates the Argo CD + Helm tree (out/) from the typed model (model/).");
        root.Options.Add(ModelOption);
        root.Options.Add(OutOption);
        root.Options.Add(MsBuildOption);
        foreach (var create in Verbs)
        {
            var verb = create();
            verb.Command.SetAction(actionFor(verb));
            root.Subcommands.Add(verb.Command);
        }

        return root;
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/>. A command line that does not parse (unknown verb or option, missing or
    /// malformed argument) is INFRA1020 for each problem, exit code 2, without running anything; help and version are
    /// shown as System.CommandLine shows them. Exceptions are not System.CommandLine's to print: they reach the caller's
    /// <see cref="ErrorBoundary"/>.
    /// </summary>
    public static int Invoke(RootCommand root, string[] args, TextWriter output, TextWriter error)
    {
        var parse = root.Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            throw new InfraGenException([.. parse.Errors.Select(e => HostErrors.BadCommandLine(e.Message)).Distinct()]);
        }

        return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
    }

    /// <summary>The model and output directories from the options, else found from the current directory (INFRA1010 when there is none).</summary>
    public static ModelPaths ResolvePaths(ParseResult parse)
    {
        var model = parse.GetValue(ModelOption);
        var outDirectory = parse.GetValue(OutOption);
        if (model is not null)
        {
            return new ModelPaths(model.FullName, outDirectory?.FullName ?? Path.Combine(model.Parent?.FullName ?? model.FullName, "out"));
        }

        var found = ModelPaths.Discover(Environment.CurrentDirectory)
            ?? throw new InfraGenException([HostErrors.NoModel("run from a repository with a model/ directory holding the model project, or pass --model")]);
        return outDirectory is null ? found : found with { OutDirectory = outDirectory.FullName };
    }
}
