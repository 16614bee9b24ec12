namespace Cogrion.InfraGen.Diagnostics;

/// <summary>The exit codes of the model program and the tool (README, "The infragen tool").</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The run worked and found the output wrong: drift, a rule of the tree, a render finding.</summary>
    public const int Failed = 1;

    /// <summary>The run could not do its work: the usage, the model, or the environment (out/, files, Helm).</summary>
    public const int Refused = 2;

    /// <summary>The exit code of one kind of problem.</summary>
    public static int For(DiagnosticKind kind) => kind == DiagnosticKind.Output ? Failed : Refused;

    /// <summary>
    /// The exit code of a run that stopped with <paramref name="diagnostics"/>: <see cref="Refused"/> when any problem kept
    /// it from finishing its work (its findings may then be incomplete) or none was named, else <see cref="Failed"/>.
    /// </summary>
    public static int For(IEnumerable<InfraDiagnostic> diagnostics) =>
        diagnostics.Select(d => For(d.Kind)).DefaultIfEmpty(Refused).Max();
}
