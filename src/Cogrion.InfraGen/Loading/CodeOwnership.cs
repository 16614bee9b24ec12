using System.Text.RegularExpressions;
using Cogrion.InfraGen.Diagnostics;

namespace Cogrion.InfraGen.Loading;

/// <summary>
/// The rules behind the generated CODEOWNERS: a production tier names who approves it, approvers are owners GitHub
/// understands, and the file's copy goes only where GitHub reads CODEOWNERS.
/// </summary>
public static partial class CodeOwnership
{
    /// <summary>The repository paths GitHub reads CODEOWNERS from, in the order it looks.</summary>
    public static IReadOnlyList<string> GitHubPaths { get; } = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"];

    /// <summary>What an approver may be, for messages.</summary>
    public const string ApproverRule = "a GitHub user (@alice), a team (@org/team) or an e-mail address";

    /// <summary>Whether <paramref name="owner"/> is an owner GitHub's CODEOWNERS understands.</summary>
    public static bool IsValidApprover(string? owner) => owner is not null && Owner().IsMatch(owner);

    /// <summary>Checks every tier once (at its first cluster's declaration, since tiers have no line of their own).</summary>
    internal static void CheckApprovers(IReadOnlyList<Cluster> clusters, List<InfraDiagnostic> diagnostics)
    {
        foreach (var tier in clusters.GroupBy(c => c.Env.Name, StringComparer.Ordinal))
        {
            var cluster = tier.First();
            var env = cluster.Env;
            if (env.IsProduction && env.Approvers.Count == 0)
            {
                diagnostics.Add(ModelErrors.NoApprovers(env.Name, cluster.Name, cluster.DeclaredAt));
            }

            foreach (var approver in env.Approvers.Where(a => !IsValidApprover(a)))
            {
                diagnostics.Add(ModelErrors.BadApprover(env.Name, approver, cluster.DeclaredAt));
            }
        }
    }

    /// <summary>A problem with <see cref="GitRepo.CodeOwnersPath"/>, or null when it is fine.</summary>
    internal static string? CheckPath(GitRepo repo)
    {
        if (repo.CodeOwnersPath is not { } path)
        {
            return null;
        }

        if (!GitHubPaths.Contains(path, StringComparer.Ordinal))
        {
            return $"Estate Repo.CodeOwnersPath '{path}' is not a place GitHub reads CODEOWNERS from; use one of {string.Join(", ", GitHubPaths)}.";
        }

        return repo.TreePath.Trim('/').Length == 0 && path != ".github/CODEOWNERS"
            ? $"Estate Repo.CodeOwnersPath '{path}': the tree is the repository root (TreePath is empty), so its .github/CODEOWNERS is the one GitHub reads; leave CodeOwnersPath unset."
            : null;
    }

    [GeneratedRegex(@"^(@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:/[A-Za-z0-9][A-Za-z0-9._-]*)?|[^@\s]+@[^@\s]+\.[^@\s]+)\z", RegexOptions.CultureInvariant)]
    private static partial Regex Owner();
}
