namespace Cogrion.InfraGen;

/// <summary>An environment tier such as <c>dev</c> or <c>prod</c>; the first half of a cluster name.</summary>
/// <param name="Name">The tier's name, a DNS-1123 label (<c>dev</c>, <c>prod</c>).</param>
/// <param name="IsProduction">
/// Production tiers deploy only through reviewed pull requests: their Argo CD files and values files get
/// approvers (<see cref="Approvers"/>, required for a production tier), and they may not follow a floating revision.
/// </param>
public sealed record Env(string Name, bool IsProduction)
{
    /// <summary>
    /// Who must approve every change to this tier's clusters: GitHub users (<c>@alice</c>), teams
    /// (<c>@cogrion/platform-leads</c>) or e-mail addresses. The generated CODEOWNERS makes them the code owners of
    /// the tier's Argo CD files and values files, and of the charts (which run on every cluster).
    /// </summary>
    public IReadOnlyList<string> Approvers { get; init; } = [];
}
