namespace Cogrion.InfraGen.Diagnostics;

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
