namespace Cogrion.InfraGen.Diagnostics;

/// <summary>How bad a diagnostic is.</summary>
public enum Severity
{
    /// <summary>Reported; does not stop the run.</summary>
    Warning,

    /// <summary>Stops the run before anything is written.</summary>
    Error,
}

/// <summary>
/// One problem found in a run, with where it comes from: the model file and line, and (for problems found in
/// output) the output path and the JSON pointer inside it.
/// </summary>
/// <param name="Code">A stable ID, <c>INFRA1xxx</c>; documented in docs/diagnostics.md.</param>
/// <param name="Message">What is wrong and what is allowed.</param>
/// <param name="Location">The model source to fix, when known.</param>
public sealed record InfraDiagnostic(string Code, string Message, SourceLocation Location)
{
    /// <summary>Error or warning.</summary>
    public Severity Severity { get; init; } = Severity.Error;

    /// <summary>The generated file the problem is in, relative to <c>out/</c>.</summary>
    public string? OutputPath { get; init; }

    /// <summary>The JSON pointer of the offending value inside <see cref="OutputPath"/>.</summary>
    public string? Pointer { get; init; }

    /// <summary>
    /// The canonical MSBuild form, <c>file(line): error CODE: message</c>, which MSBuild, IDEs and CI
    /// annotate; <paramref name="displayPath"/> chooses how the model file is shown.
    /// </summary>
    public string Format(Func<string, string> displayPath)
    {
        var origin = Location.IsUnknown ? "infragen" : $"{displayPath(Location.File)}({Location.Line})";
        var where = OutputPath is null ? string.Empty : Pointer is null ? $" [out/{OutputPath}]" : $" [out/{OutputPath} {Pointer}]";
        var severity = Severity == Severity.Error ? "error" : "warning";
        return $"{origin}: {severity} {Code}: {Message}{where}";
    }
}

/// <summary>Thrown to stop a run after problems were found; carries all of them.</summary>
public sealed class InfraGenException(IReadOnlyList<InfraDiagnostic> diagnostics)
    : Exception(Summary(diagnostics))
{
    /// <summary>Every problem found.</summary>
    public IReadOnlyList<InfraDiagnostic> Diagnostics { get; } = diagnostics;

    /// <summary>A line printed after the diagnostics (the render check's counts), or null.</summary>
    public string? SummaryLine { get; init; }

    /// <summary>Whether out/ was changed before the run stopped (a write that failed half-way); false for every check.</summary>
    public bool OutChanged { get; init; }

    /// <summary>The exception's message: the one problem, or how many and the first; an empty list says so instead of throwing.</summary>
    private static string Summary(IReadOnlyList<InfraDiagnostic> diagnostics) => diagnostics.Count switch
    {
        0 => "The run stopped without naming a problem.",
        1 => diagnostics[0].Message,
        _ => $"{diagnostics.Count} problems; the first: {diagnostics[0].Message}",
    };
}
