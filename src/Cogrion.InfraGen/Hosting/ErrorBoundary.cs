using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Loading;

namespace Cogrion.InfraGen.Hosting;

/// <summary>
/// The one place a failure becomes what a user sees: every exception a verb lets out is turned into canonical
/// diagnostics on standard error, and the exit code comes from their <see cref="DiagnosticKind"/>. No stack trace
/// reaches a user, and nothing reaches System.CommandLine's own exception handler.
/// </summary>
internal static class ErrorBoundary
{
    /// <summary>Runs <paramref name="run"/>; a failure is reported and its exit code returned.</summary>
    public static int Run(Func<int> run, ModelPaths? paths, bool absolutePaths, TextWriter error)
    {
        try
        {
            return run();
        }
        catch (Exception e)
        {
            return Report(e, paths, absolutePaths, error);
        }
    }

    /// <summary>Prints <paramref name="failure"/> as diagnostics in MSBuild's canonical format and returns the exit code.</summary>
    public static int Report(Exception failure, ModelPaths? paths, bool absolutePaths, TextWriter error)
    {
        var stopped = Diagnose(failure);
        Func<string, string> display = absolutePaths || paths is null ? static f => f : paths.Describe;
        foreach (var diagnostic in stopped.Diagnostics)
        {
            error.WriteLine(diagnostic.Format(display));
        }

        if (stopped.SummaryLine is { } summary)
        {
            error.WriteLine(summary);
        }

        // Only InfraGen's own stops know what happened to out/: they write it last, and say when a write failed half-way.
        var known = failure is InfraGenException || failure is AggregateException many && many.Flatten().InnerExceptions.All(e => e is InfraGenException);
        var count = stopped.Diagnostics.Count;
        error.WriteLine(!known ? $"infragen: {count} error(s)."
            : stopped.OutChanged ? $"infragen: {count} error(s); out/ was partly written (every file in it is whole): run again once the cause is fixed."
            : $"infragen: {count} error(s); out/ was not changed.");
        return ExitCodes.For(stopped.Diagnostics);
    }

    /// <summary>
    /// The diagnostics of a failure: InfraGen's own as they are (those of parallel workers merged); the file system's
    /// refusal as INFRA3005; an exception thrown in the model's own code as INFRA1000 at its line; anything else as
    /// INFRA3006.
    /// </summary>
    public static InfraGenException Diagnose(Exception failure) => failure switch
    {
        InfraGenException stopped => stopped,
        AggregateException { InnerExceptions.Count: > 0 } many => Merge([.. many.Flatten().InnerExceptions.Select(Diagnose)]),
        IOException or UnauthorizedAccessException => new([HostErrors.FileRefused(failure.Message)]),
        _ when ThrowSite.InModel(failure) is not null => new([ModelErrors.ModelThrew(failure)]),
        _ => new([HostErrors.Unexpected(failure)]),
    };

    private static InfraGenException Merge(IReadOnlyList<InfraGenException> stops) =>
        new([.. stops.SelectMany(s => s.Diagnostics).Distinct()]) { OutChanged = stops.Any(s => s.OutChanged), SummaryLine = stops.Select(s => s.SummaryLine).FirstOrDefault(l => l is not null) };
}
