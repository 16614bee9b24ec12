using System.Runtime.CompilerServices;

namespace Cogrion.InfraGen;

/// <summary>The Git repository Argo CD reads the generated tree from.</summary>
public sealed record GitRepo
{
    /// <summary>Declares the repository; the declaring line is remembered for error messages about its settings.</summary>
    /// <param name="url">Clone URL, as Argo CD's <c>repoURL</c>.</param>
    /// <param name="revision">The branch or tag every Application follows (<c>targetRevision</c>).</param>
    /// <param name="file">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public GitRepo(string url, string revision, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        Url = url;
        Revision = revision;
        DeclaredAt = new SourceLocation(file, line);
    }

    /// <summary>Clone URL, as Argo CD's <c>repoURL</c>.</summary>
    public string Url { get; init; }

    /// <summary>The branch or tag every Application follows (<c>targetRevision</c>).</summary>
    public string Revision { get; init; }

    /// <summary>Where the repository was declared in the model.</summary>
    public SourceLocation DeclaredAt { get; }

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
