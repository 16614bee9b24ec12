namespace Cogrion.InfraGen.Diagnostics;

/// <summary>
/// Whose problem a diagnostic is, which decides the run's exit code (<see cref="ExitCodes"/>): set where the
/// diagnostic is defined, never read back from its code.
/// </summary>
public enum DiagnosticKind
{
    /// <summary>The model is wrong (INFRA1xxx): it does not define, load or render. Exit code 2.</summary>
    Model,

    /// <summary>The command line asks for something the verb cannot do: an unknown option, cluster or app. Exit code 2.</summary>
    Usage,

    /// <summary>
    /// The run cannot do its work here: out/ unusable (INFRA3001-3004), a file it reads or writes refused, Helm or a chart
    /// package missing (INFRA40xx), or InfraGen itself failed. Exit code 2.
    /// </summary>
    Environment,

    /// <summary>
    /// The run worked and found the output wrong: a rule of the tree (INFRA2xxx), drift (INFRA3101), or what Helm renders
    /// (INFRA41xx-43xx). Exit code 1.
    /// </summary>
    Output,
}
