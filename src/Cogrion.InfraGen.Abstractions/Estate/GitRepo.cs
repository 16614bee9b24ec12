namespace Cogrion.InfraGen;

/// <summary>The Git repository Argo CD reads the generated tree from.</summary>
/// <param name="Url">Clone URL, as Argo CD's <c>repoURL</c>.</param>
/// <param name="Revision">The branch or tag every Application follows (<c>targetRevision</c>).</param>
public sealed record GitRepo(string Url, string Revision)
{
    /// <summary>
    /// Where the generated tree sits inside the repository, '/'-separated (<c>out</c> when the model and its
    /// output share one repository; empty when the tree is the repository root). Every Argo CD path starts here.
    /// </summary>
    public string TreePath { get; init; } = "";

    /// <summary>
    /// Where GitHub reads the repository's CODEOWNERS, relative to the repository root: <c>.github/CODEOWNERS</c>,
    /// <c>CODEOWNERS</c> or <c>docs/CODEOWNERS</c> (GitHub reads it nowhere else). The tree always holds the generated
    /// file at <c>.github/CODEOWNERS</c>; when the tree is not the repository root (<see cref="TreePath"/> is set), only
    /// a copy here takes effect, and setting this makes InfraGen write that copy: the one file it writes outside the
    /// tree (never deleted by it, and checked for drift like the tree). Null: no copy.
    /// </summary>
    public string? CodeOwnersPath { get; init; }

    /// <summary>A path of the generated tree as a path of the repository.</summary>
    public string InRepo(string treePath) => TreePath.Length == 0 ? treePath : $"{TreePath.TrimEnd('/')}/{treePath}";
}
