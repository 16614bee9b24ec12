namespace Cogrion.InfraGen.Diagnostics;

/// <summary>
/// The diagnostics of the command line and of the run itself, not of the model or the tree: no model to run on
/// (INFRA1010, INFRA1011), a verb asked for something it cannot do (INFRA1020-INFRA1022), a file the verb reads or writes refused (INFRA3005), InfraGen failing where it
/// should not (INFRA3006). docs/diagnostics.md has a section for each ID.
/// </summary>
public static class HostErrors
{
    /// <summary>No model to run on: no model/ directory found, or the model directory holds no project or several.</summary>
    public static InfraDiagnostic NoModel(string problem) => new("INFRA1010", $"no model found: {problem}.", default) { Kind = DiagnosticKind.Usage };

    /// <summary>The tool could not build the model project, or find it built (its build errors are printed before).</summary>
    public static InfraDiagnostic ModelNotBuilt(string problem) => new("INFRA1011", $"{problem}.", default) { Kind = DiagnosticKind.Model };

    /// <summary>An unknown verb or option, a missing or malformed argument, options that contradict each other.</summary>
    public static InfraDiagnostic BadCommandLine(string problem) => new(
        "INFRA1020", $"{problem.TrimEnd('.')}. See `infragen --help` for the verbs and `infragen <verb> --help` for a verb's options; nothing was changed.", default)
    { Kind = DiagnosticKind.Usage };

    /// <summary>A cluster or app named on the command line that the model does not have.</summary>
    public static InfraDiagnostic UnknownName(string verb, string what, string name, IEnumerable<string> known) => new(
        "INFRA1021", $"{verb}: no {what} '{name}'; the {what}s are {string.Join(", ", known.Order(StringComparer.Ordinal))}. Nothing was changed.", default)
    { Kind = DiagnosticKind.Usage };

    /// <summary>A file or key named on the command line that the generated tree does not have.</summary>
    public static InfraDiagnostic NotFound(string verb, string problem) => new("INFRA1021", $"{verb}: {problem.TrimEnd('.')}.", default)
    { Kind = DiagnosticKind.Usage };

    /// <summary>A tag to set or copy where there is none: the app reads no image tag there, or the source cluster has none.</summary>
    public static InfraDiagnostic NoTagThere(string verb, string problem) => new(
        "INFRA1022", $"{verb}: {problem}. Nothing was changed.", default)
    { Kind = DiagnosticKind.Usage };

    /// <summary>The operating system refused a file or directory the verb reads or writes (not out/ itself: INFRA3004).</summary>
    public static InfraDiagnostic FileRefused(string osError, string? what = null) => new(
        "INFRA3005", $"{(what is null ? "" : what + ": ")}{osError.TrimEnd('.', ' ')}. Fix the path or its permissions (a file where a directory should be, a missing directory, a read-only file system), then run again.", default)
    { Kind = DiagnosticKind.Environment };

    /// <summary>InfraGen failed where it should have reported a problem: a bug, reported without a stack trace.</summary>
    public static InfraDiagnostic Unexpected(Exception exception) => new(
        "INFRA3006",
        $"InfraGen failed unexpectedly: {exception.GetType().Name}: {exception.Message.TrimEnd('.', ' ')}"
        + (exception.TargetSite is { DeclaringType: { } type } site ? $" (in {type.Name}.{site.Name})" : "")
        + ". This is a bug in InfraGen, not in the model: please report it with the command that failed.",
        default)
    { Kind = DiagnosticKind.Environment };
}
