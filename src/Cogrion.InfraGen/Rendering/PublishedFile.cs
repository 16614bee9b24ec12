namespace Cogrion.InfraGen.Rendering;

/// <summary>
/// A tree file that must also exist outside the tree, at a path of the repository, because the tool that reads it
/// looks nowhere else (GitHub reads CODEOWNERS only from the repository's <c>.github/</c>, root or <c>docs/</c>).
/// The model asks for it by name (<see cref="GitRepo.CodeOwnersPath"/>); the writer writes it only when its bytes
/// change, never deletes it, and the drift check compares it like a tree file.
/// </summary>
/// <param name="RepositoryPath">Where, relative to the repository root, '/'-separated.</param>
/// <param name="TreePath">Where the tree sits in the repository (<see cref="GitRepo.TreePath"/>).</param>
/// <param name="File">The tree file copied there.</param>
public sealed record PublishedFile(string RepositoryPath, string TreePath, RenderedFile File)
{
    /// <summary>
    /// The copy's full path for a tree written to <paramref name="outDirectory"/>, or null when that directory is not
    /// at <see cref="TreePath"/> of a repository (<c>--out</c> pointed elsewhere): then nothing is written outside it.
    /// </summary>
    public string? Target(string outDirectory)
    {
        var root = Path.GetFullPath(outDirectory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        foreach (var segment in TreePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse())
        {
            if (!string.Equals(Path.GetFileName(root), segment, StringComparison.Ordinal) || Path.GetDirectoryName(root) is not { } parent)
            {
                return null;
            }

            root = parent;
        }

        return Path.Combine(root, RepositoryPath);
    }

    /// <summary>The copy's path relative to <paramref name="outDirectory"/> ('/'-separated, starting with <c>../</c>), as reports show it.</summary>
    public static string RelativeToOut(string outDirectory, string target) =>
        Path.GetRelativePath(Path.GetFullPath(outDirectory), target).Replace('\\', '/');
}
