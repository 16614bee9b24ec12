using Cogrion.InfraGen.Rendering;

namespace Cogrion.InfraGen.Output;

/// <summary>
/// Removes from the output directory what the tree no longer holds (stale temporary files of a killed run included),
/// then every directory left empty. Works from one listing of the directory: only removals touch the disk. Deletes
/// only below the directory, and a symbolic link only itself, never its target.
/// </summary>
internal static class Pruning
{
    /// <summary>Prunes <paramref name="root"/> to <paramref name="tree"/>; returns the tree files removed, in ordinal order.</summary>
    public static List<string> Prune(string root, RenderedTree tree)
    {
        var entries = OutListing.Entries(root);
        var remaining = new Dictionary<string, int>(StringComparer.Ordinal); // Entries left in each directory.
        foreach (var (path, isDirectory) in entries)
        {
            if (isDirectory)
            {
                remaining.TryAdd(path, 0);
            }
        }

        var deleted = new List<string>();
        foreach (var (path, _) in entries.Where(e => !e.IsDirectory).OrderBy(e => e.Path, StringComparer.Ordinal))
        {
            if (tree.Files.ContainsKey(path))
            {
                CountIn(remaining, path);
                continue;
            }

            File.Delete(Path.Combine(root, path));
            if (!path.EndsWith(TreeWriter.TempSuffix, StringComparison.Ordinal))
            {
                deleted.Add(path);
            }
        }

        // Deepest first, so a directory emptied by removing its children goes too.
        foreach (var directory in remaining.Keys.OrderByDescending(d => d.Count(c => c == '/')).ThenBy(d => d, StringComparer.Ordinal).ToList())
        {
            if (remaining[directory] == 0)
            {
                Directory.Delete(Path.Combine(root, directory));
            }
            else
            {
                CountIn(remaining, directory);
            }
        }

        return deleted;
    }

    /// <summary>Counts an entry that stays in its directory.</summary>
    private static void CountIn(Dictionary<string, int> remaining, string path)
    {
        var slash = path.LastIndexOf('/');
        if (slash > 0)
        {
            remaining[path[..slash]] = remaining.GetValueOrDefault(path[..slash]) + 1;
        }
    }
}
