using System.CommandLine;
using System.Globalization;
using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Loading;

namespace Cogrion.InfraGen.Hosting;

/// <summary>
/// The model program's command line. A model project's generated entry point calls <see cref="Run(string[], IInfraCatalog)"/>;
/// the <c>infragen</c> tool builds the model and forwards its arguments here.
/// </summary>
public static class InfraGenHost
{
    /// <summary>Exit code: success.</summary>
    public const int Ok = 0;

    /// <summary>Exit code: the tree drifted from the model, or the output breaks a rule.</summary>
    public const int Failed = 1;

    /// <summary>Exit code: bad usage, or the model itself is wrong.</summary>
    public const int UsageOrModelError = 2;

    /// <summary>Parses <paramref name="args"/> and runs the verb over the catalog's model: the model program's whole run.</summary>
    public static int Run(string[] args, IInfraCatalog catalog)
    {
        OneShotProcess.SuspendCollections();
        return Run(args, catalog, Console.Out, Console.Error);
    }

    /// <summary>
    /// As <see cref="Run(string[], IInfraCatalog)"/>, writing to the given streams (tests read them). The verb runs under
    /// the invariant culture, so the model's own code (<c>$"{ratio}"</c> in a values function) writes the same text on
    /// every machine; the caller's culture is restored afterwards.
    /// </summary>
    public static int Run(string[] args, IInfraCatalog catalog, TextWriter output, TextWriter error)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        try
        {
            var root = InfraGenCommands.Build(catalog, output, error);
            return InfraGenCommands.Invoke(root, args, output, error);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    /// <summary>Prints every diagnostic in MSBuild's canonical format and returns the matching exit code.</summary>
    internal static int Report(InfraGenException exception, ModelPaths? paths, bool absolutePaths, TextWriter error)
    {
        Func<string, string> display = absolutePaths || paths is null ? static f => f : paths.Describe;
        foreach (var diagnostic in exception.Diagnostics)
        {
            error.WriteLine(diagnostic.Format(display));
        }

        if (exception.SummaryLine is { } summary)
        {
            error.WriteLine(summary);
        }

        var errors = exception.Diagnostics.Count(d => d.Severity == Severity.Error);
        error.WriteLine(exception.OutChanged
            ? $"infragen: {errors} error(s); out/ was partly written (every file in it is whole): run again once the cause is fixed."
            : $"infragen: {errors} error(s); out/ was not changed.");
        return ExitCode(exception.Diagnostics);
    }

    /// <summary>
    /// <see cref="Failed"/> when the output breaks a rule (INFRA2xxx in the tree, INFRA41xx-43xx in what Helm renders),
    /// else <see cref="UsageOrModelError"/> (the model, the usage, or Helm itself: INFRA40xx).
    /// </summary>
    internal static int ExitCode(IEnumerable<InfraDiagnostic> diagnostics) =>
        diagnostics.Any(d => d.Code.StartsWith("INFRA2", StringComparison.Ordinal) || d.Code.StartsWith("INFRA4", StringComparison.Ordinal) && !d.Code.StartsWith("INFRA40", StringComparison.Ordinal))
            ? Failed
            : UsageOrModelError;
}
