using System.Text;
using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Rendering;

namespace Cogrion.InfraGen.Output;

/// <summary>What a write did.</summary>
/// <param name="Written">Files created or changed.</param>
/// <param name="Deleted">Files removed because the model no longer produces them.</param>
/// <param name="Unchanged">Files whose bytes were already right (not touched, so their timestamps stay).</param>
public sealed record WriteReport(IReadOnlyList<string> Written, IReadOnlyList<string> Deleted, int Unchanged)
{
    /// <summary>Copies written outside the tree (<see cref="RenderedTree.Published"/>), relative to it (<c>../.github/CODEOWNERS</c>).</summary>
    public IReadOnlyList<string> Published { get; init; } = [];
}

/// <summary>
/// Puts a rendered tree on disk: writes a file only when its bytes change, each through a temporary file and
/// a rename in the same directory (a reader sees the old or the new file, never half of one), then removes
/// what the model no longer produces. It deletes only inside the output directory, and only once that
/// directory carries InfraGen's ownership marker.
/// </summary>
public static class TreeWriter
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Suffix of the temporary files; stale ones (from a killed run) are removed by the next run.</summary>
    public const string TempSuffix = ".infragen-tmp";

    public static WriteReport Write(RenderedTree tree, string outDirectory)
    {
        var root = Path.GetFullPath(outDirectory);
        EnsureOwned(root);
        Directory.CreateDirectory(root);

        var written = new List<string>();
        var unchanged = 0;
        foreach (var (path, file) in tree.Files)
        {
            if (WriteIfChanged(Path.Combine(root, path), Utf8NoBom.GetBytes(file.Text)))
            {
                written.Add(path);
            }
            else
            {
                unchanged++;
            }
        }

        var deleted = Prune(root, tree);
        var published = new List<string>();
        foreach (var copy in tree.Published)
        {
            if (copy.Target(root) is { } target && WriteIfChanged(target, Utf8NoBom.GetBytes(copy.File.Text)))
            {
                published.Add(PublishedFile.RelativeToOut(root, target));
            }
        }

        return new WriteReport(written, deleted, unchanged) { Published = published };
    }

    /// <summary>Writes through a temporary file and a rename, unless the file already has these bytes; true when written.</summary>
    private static bool WriteIfChanged(string target, byte[] bytes)
    {
        if (SameBytes(target, bytes))
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = $"{target}.{Environment.ProcessId}{TempSuffix}";
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, target, overwrite: true);
        return true;
    }

    /// <summary>The bytes a rendered file is written as.</summary>
    public static byte[] Encode(RenderedFile file) => Utf8NoBom.GetBytes(file.Text);

    /// <summary>
    /// Every file under the output directory, relative and '/'-separated, in ordinal order. A symbolic link is
    /// listed as a file and never followed, so pruning can never reach outside the directory.
    /// </summary>
    public static IEnumerable<string> ExistingFiles(string root)
    {
        var files = new List<string>();
        if (Directory.Exists(root))
        {
            Walk(new DirectoryInfo(root), root, files);
        }

        files.Remove(TreeLayout.LockFile); // The directory's lock, not part of the tree: never drift, never pruned.
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static void Walk(DirectoryInfo directory, string root, List<string> files)
    {
        foreach (var entry in directory.EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo child && child.LinkTarget is null)
            {
                Walk(child, root, files);
            }
            else
            {
                files.Add(Path.GetRelativePath(root, entry.FullName).Replace('\\', '/'));
            }
        }
    }

    private static bool SameBytes(string path, byte[] bytes)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length != bytes.Length)
        {
            return false;
        }

        return File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes);
    }

    /// <summary>
    /// Refuses to own a non-empty directory that does not carry the marker: it may be someone's files. (A directory
    /// holding only InfraGen's lock file counts as empty: a first generation locks it before writing the marker.)
    /// </summary>
    public static void EnsureOwned(string root)
    {
        if (!Directory.Exists(root) || File.Exists(Path.Combine(root, TreeLayout.OwnershipMarker))
            || Directory.EnumerateFileSystemEntries(root).All(e => Path.GetFileName(e) == TreeLayout.LockFile))
        {
            return;
        }

        throw new InfraGenException([new InfraDiagnostic(
            "INFRA3001",
            $"The output directory '{root}' is not empty and has no '{TreeLayout.OwnershipMarker}' marker, so it may hold files InfraGen does not own; " +
            "nothing was written or deleted. Point --out at InfraGen's output directory, or empty this one.",
            default)]);
    }

    private static List<string> Prune(string root, RenderedTree tree)
    {
        var deleted = new List<string>();
        foreach (var relative in ExistingFiles(root))
        {
            if (tree.Files.ContainsKey(relative))
            {
                continue;
            }

            File.Delete(Path.Combine(root, relative)); // A symbolic link is removed itself; its target is never followed.
            if (!relative.EndsWith(TempSuffix, StringComparison.Ordinal))
            {
                deleted.Add(relative);
            }
        }

        RemoveEmptyDirectories(new DirectoryInfo(root));

        return deleted;
    }

    private static void RemoveEmptyDirectories(DirectoryInfo directory)
    {
        foreach (var child in directory.EnumerateDirectories())
        {
            if (child.LinkTarget is not null)
            {
                continue;
            }

            RemoveEmptyDirectories(child);
            if (!child.EnumerateFileSystemInfos().Any())
            {
                child.Delete();
            }
        }
    }
}
