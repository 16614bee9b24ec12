namespace Cogrion.InfraGen;

/// <summary>An environment tier such as <c>dev</c> or <c>prod</c>; the first half of a cluster name.</summary>
/// <param name="Name">The tier's name, a DNS-1123 label (<c>dev</c>, <c>prod</c>).</param>
/// <param name="IsProduction">
/// Production tiers deploy only through reviewed pull requests: their Argo CD files and values files get
/// approvers, and they may not follow a floating revision.
/// </param>
public sealed record Env(string Name, bool IsProduction);
