using System.CommandLine;
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
    /// Parses and runs <paramref name="args"/>. A usage error (unknown verb or option, missing argument) exits with
    /// <see cref="InfraGenHost.UsageOrModelError"/>, not System.CommandLine's default 1, which means drift here.
    /// </summary>
    public static int Invoke(RootCommand root, string[] args, TextWriter output, TextWriter error)
    {
        var parse = root.Parse(args);
        var code = parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
        return parse.Errors.Count > 0 && code != InfraGenHost.Ok ? InfraGenHost.UsageOrModelError : code;
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
