using System.IO.Enumeration;
using Cogrion.InfraGen.Rendering;

namespace Cogrion.InfraGen.Output;

/// <summary>
/// What is in an output directory, as the writer and the drift check see it: every entry below it, relative and
/// '/'-separated. A symbolic link is listed as a file and never followed, so nothing reached through one is ever
/// compared or pruned; the directory's lock file is not part of the tree.
/// </summary>
internal static class OutListing
{
    /// <summary>Every file, in ordinal order.</summary>
    public static IEnumerable<string> Files(string root) =>
        [.. Entries(root).Where(e => !e.IsDirectory).Select(e => e.Path).Order(StringComparer.Ordinal)];

    /// <summary>Whether a directory is missing or holds nothing but InfraGen's lock file.</summary>
    public static bool IsEmpty(string root) =>
        !Directory.Exists(root) || Directory.EnumerateFileSystemEntries(root).All(e => Path.GetFileName(e) == TreeLayout.LockFile);

    /// <summary>
    /// Every entry, in no particular order. One pass and no object per entry: a tree of thousands of files is listed cheaply.
    /// </summary>
    public static List<(string Path, bool IsDirectory)> Entries(string root)
    {
        if (!Directory.Exists(root))
        {
            return [];
        }

        var rootLength = Path.TrimEndingDirectorySeparator(root).Length + 1;
        var entries = new FileSystemEnumerable<(string, bool)>(
            root,
            (ref FileSystemEntry entry) => (entry.ToFullPath()[rootLength..].Replace('\\', '/'), IsFollowedDirectory(ref entry)),
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false })
        {
            ShouldRecursePredicate = IsFollowedDirectory,
        };

        // The lock is never drift and never pruned: a held lock file must stay linked.
        return [.. entries.Where(e => e.Item1 != TreeLayout.LockFile)];
    }

    private static bool IsFollowedDirectory(ref FileSystemEntry entry) =>
        entry.IsDirectory && (entry.Attributes & FileAttributes.ReparsePoint) == 0;
}
