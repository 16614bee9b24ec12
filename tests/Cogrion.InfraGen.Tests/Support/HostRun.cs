using Cogrion.InfraGen.Hosting;
using Cogrion.InfraGen.Loading;

namespace Cogrion.InfraGen.Tests.Support;

/// <summary>Runs the model program's command line in process and captures what it prints.</summary>
public sealed record HostRun(int ExitCode, string Output, string Error)
{
    public static HostRun Generate(IInfraCatalog catalog, ModelPaths paths, params string[] extra) =>
        Run(catalog, ["generate", "--model", paths.ModelDirectory, "--out", paths.OutDirectory, .. extra]);

    /// <summary>Runs a verb on the model and tree at <paramref name="paths"/>.</summary>
    public static HostRun Verb(IInfraCatalog catalog, ModelPaths paths, params string[] args) =>
        Run(catalog, [.. args, "--model", paths.ModelDirectory, "--out", paths.OutDirectory]);

    public static HostRun Run(IInfraCatalog catalog, string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = InfraGenHost.Run(args, catalog, output, error);
        return new HostRun(code, output.ToString(), error.ToString());
    }
}
