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
    /// <summary>Parses <paramref name="args"/> and runs the verb over the catalog's model: the model program's whole run.</summary>
    public static int Run(string[] args, IInfraCatalog catalog)
    {
        OneShotProcess.SuspendCollections();
        return Run(args, catalog, Console.Out, Console.Error);
    }

    /// <summary>
    /// As <see cref="Run(string[], IInfraCatalog)"/>, writing to the given streams (tests read them). The verb runs under
    /// the invariant culture, so the model's own code (<c>$"{ratio}"</c> in a values function) writes the same text on
    /// every machine; the caller's culture is restored afterwards. Every failure ends as diagnostics and an exit code
    /// (<see cref="ErrorBoundary"/>), never as an exception.
    /// </summary>
    public static int Run(string[] args, IInfraCatalog catalog, TextWriter output, TextWriter error)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        try
        {
            return ErrorBoundary.Run(() => InfraGenCommands.Invoke(InfraGenCommands.Build(catalog, output, error), args, output, error), paths: null, absolutePaths: false, error);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }
}
