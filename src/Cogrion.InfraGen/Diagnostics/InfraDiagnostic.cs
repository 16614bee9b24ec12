namespace Cogrion.InfraGen.Diagnostics;

/// <summary>
/// One problem found in a run, with where it comes from: the model file and line, and (for problems found in
/// output) the output path and the JSON pointer inside it. Every problem stops the run; its <see cref="Kind"/> says
/// what the run's exit code is.
/// </summary>
/// <param name="Code">A stable ID, <c>INFRAnnnn</c>; documented in docs/diagnostics.md.</param>
/// <param name="Message">What is wrong and what is allowed.</param>
/// <param name="Location">The model source to fix, when known.</param>
public sealed record InfraDiagnostic(string Code, string Message, SourceLocation Location)
{
    /// <summary>Whose problem it is: the model's unless the factory says otherwise (the output, the environment, the command line).</summary>
    public DiagnosticKind Kind { get; init; } = DiagnosticKind.Model;

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
        return $"{origin}: error {Code}: {Message}{where}";
    }
}
