using Cogrion.InfraGen.Diagnostics;

namespace Cogrion.InfraGen.Validation;

/// <summary>One check, or one family of checks, of the rendered tree. Rules only read; they may run in parallel.</summary>
public interface ITreeRule
{
    /// <summary>Every problem this rule finds, in any order (the validator sorts).</summary>
    IEnumerable<InfraDiagnostic> Check(TreeFacts facts);
}
