using System.Collections.Concurrent;
using System.IO.Enumeration;
using System.Text;
using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Rendering;
using Microsoft.Win32.SafeHandles;

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

    /// <summary>Below this many files a tree is written on one thread: starting workers would cost more than it saves.</summary>
    private const int ParallelFrom = 256;

    /// <summary>Suffix of the temporary files; stale ones (from a killed run) are removed by the next run.</summary>
    public const string TempSuffix = ".infragen-tmp";

    /// <summary>
    /// Writes <paramref name="tree"/> into <paramref name="outDirectory"/>. A path the file system refuses throws
    /// <see cref="InfraGenException"/> (INFRA3004) naming it: a file where the tree needs a directory (or a directory
    /// where it needs a file) is found while comparing, before anything is written; a failure while writing (a full
    /// disk, a read-only file) stops the run with the files written so far complete, each by its rename.
    /// </summary>
    public static WriteReport Write(RenderedTree tree, string outDirectory)
    {
        var root = Path.GetFullPath(outDirectory);
        EnsureOwned(root);
        var fresh = IsEmpty(root); // Nothing on disk to compare with.
        Attempt(root, written: 0, () => Directory.CreateDirectory(root));

        // Files are independent, so they are compared and written in parallel; the report lists them in tree order.
        // Compare everything first: a path the tree cannot use is then refused before any file is written.
        var files = tree.Files.Values.ToArray();
        var targets = new string[files.Length];
        var changed = new bool[files.Length];
        var blocked = new ConcurrentDictionary<string, string>(StringComparer.Ordinal); // path -> what is in the way
        var options = new ParallelOptions { MaxDegreeOfParallelism = files.Length < ParallelFrom ? 1 : -1 };
        InParallel(files.Length, options, i =>
        {
            targets[i] = Path.Combine(root, files[i].Path);
            changed[i] = fresh || !Attempt(targets[i], written: 0, () => SameBytes(targets[i], files[i].Text, root, blocked));
        });
        if (!blocked.IsEmpty)
        {
            throw new InfraGenException([.. blocked.OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => ModelErrors.OutPathBlocked(b.Key, b.Value))]);
        }

        var directories = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal) { [root] = true };
        var failures = new ConcurrentQueue<(int Index, Exception Error)>();
        var done = 0;
        InParallel(files.Length, options, i =>
        {
            if (!changed[i])
            {
                return;
            }

            try
            {
                WriteFile(targets[i], files[i].Text, directories);
                Interlocked.Increment(ref done);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failures.Enqueue((i, e));
            }
        });
        if (!failures.IsEmpty)
        {
            // The file system's own error for the first file (in tree order) that failed: the others almost always share its cause.
            var (index, error) = failures.OrderBy(f => f.Index).First();
            throw WriteFailed(targets[index], error, done, failures.Count - 1);
        }

        var written = new List<string>();
        for (var i = 0; i < files.Length; i++)
        {
            if (changed[i])
            {
                written.Add(files[i].Path);
            }
        }

        // A directory that was empty holds only what was just written.
        var deleted = fresh ? [] : Attempt(root, written.Count, () => Prune(root, tree));
        var published = new List<string>();
        foreach (var copy in tree.Published)
        {
            if (copy.Target(root) is { } target
                && Attempt(target, written.Count, () => !SameBytes(target, copy.File.Text, Path.GetPathRoot(target)!, blocked: null) && WriteFile(target, copy.File.Text, directories)))
            {
                published.Add(PublishedFile.RelativeToOut(root, target));
            }
        }

        return new WriteReport(written, deleted, files.Length - written.Count) { Published = published };
    }

    /// <summary>Parallel.For, rethrowing the first exception of a worker as itself rather than as an AggregateException.</summary>
    private static void InParallel(int count, ParallelOptions options, Action<int> body)
    {
        try
        {
            Parallel.For(0, count, options, body);
        }
        catch (AggregateException e)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.Flatten().InnerExceptions[0]).Throw();
        }
    }

    /// <summary>Runs one step of the write; a refusal of the file system becomes INFRA3004 naming <paramref name="path"/>.</summary>
    private static T Attempt<T>(string path, int written, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw WriteFailed(path, e, written, others: 0);
        }
    }

    private static InfraGenException WriteFailed(string path, Exception error, int written, int others) =>
        new([ModelErrors.WriteFailed(path, error.Message, written, others)]) { OutChanged = written > 0 };

    /// <summary>The bytes a rendered file is written as.</summary>
    public static byte[] Encode(RenderedFile file) => Utf8NoBom.GetBytes(file.Text);

    /// <summary>
    /// Every file under the output directory, relative and '/'-separated, in ordinal order. A symbolic link is
    /// listed as a file and never followed, so pruning can never reach outside the directory.
    /// </summary>
    public static IEnumerable<string> ExistingFiles(string root) =>
        [.. Entries(root).Where(e => !e.IsDirectory).Select(e => e.Path).Order(StringComparer.Ordinal)];

    /// <summary>Whether a directory is missing or holds nothing but InfraGen's lock file.</summary>
    private static bool IsEmpty(string root) =>
        !Directory.Exists(root) || Directory.EnumerateFileSystemEntries(root).All(e => Path.GetFileName(e) == TreeLayout.LockFile);

    /// <summary>
    /// Every entry below <paramref name="root"/>, relative and '/'-separated, in no particular order: symbolic links count as
    /// files and are never followed. One pass and no object per entry: a tree of thousands of files is listed cheaply.
    /// </summary>
    private static List<(string Path, bool IsDirectory)> Entries(string root)
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
        // The directory's lock is not part of the tree: never drift, never pruned (a held lock file must stay linked).
        return [.. entries.Where(e => e.Item1 != TreeLayout.LockFile)];
    }

    private static bool IsFollowedDirectory(ref FileSystemEntry entry) =>
        entry.IsDirectory && (entry.Attributes & FileAttributes.ReparsePoint) == 0;

    /// <summary>Writes one file through a temporary file and a rename (a reader sees the old or the new file); true.</summary>
    private static bool WriteFile(string target, string text, ConcurrentDictionary<string, bool> directories)
    {
        var buffers = t_buffers ??= new Buffers();
        var bytes = buffers.Encode(text);
        var directory = Path.GetDirectoryName(target)!;
        if (!directories.ContainsKey(directory))
        {
            Directory.CreateDirectory(directory);
            directories.TryAdd(directory, true);
        }

        var temp = $"{target}.{Environment.ProcessId}{TempSuffix}";
        try
        {
            using (var handle = CreateTemporary(temp))
            {
                RandomAccess.Write(handle, bytes, 0);
            }

            File.Move(temp, target, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temp); // Half a temporary file (a full disk) is not left behind; the next run would remove it too.
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
            }

            throw;
        }

        return true;
    }

    /// <summary>
    /// Creates the temporary file. CreateNew, not Create: a new file needs no truncating, and a leftover of a killed
    /// run with the same process id is replaced. Read sharing, not none: no advisory lock to take and drop for a file
    /// no one else knows the name of (two system calls fewer per file of a large tree).
    /// </summary>
    private static SafeFileHandle CreateTemporary(string temp)
    {
        try
        {
            return File.OpenHandle(temp, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        }
        catch (IOException) when (File.Exists(temp))
        {
            File.Delete(temp);
            return File.OpenHandle(temp, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        }
    }

    /// <summary>
    /// Whether <paramref name="path"/> already holds exactly <paramref name="text"/>'s bytes. When it cannot be opened,
    /// what is in the way, if anything, is added to <paramref name="blocked"/>: a directory at the file's path, or a file
    /// at one of its directories' below <paramref name="root"/>.
    /// </summary>
    private static bool SameBytes(string path, string text, string root, ConcurrentDictionary<string, string>? blocked)
    {
        var buffers = t_buffers ??= new Buffers();
        var bytes = buffers.Encode(text);
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException)
        {
            // Not there (or not a file we can read): write it, unless something the tree cannot replace is in the way.
            if (blocked is not null && InTheWay(path, root) is { } obstacle)
            {
                blocked.TryAdd(obstacle.Path, obstacle.What);
            }

            return false;
        }

        using (handle)
        {
            if (RandomAccess.GetLength(handle) != bytes.Length)
            {
                return false;
            }

            // One byte more than expected is asked for, so a file that grew since its length was read is seen as different.
            var existing = buffers.Existing(bytes.Length + 1);
            var read = 0;
            int last;
            while ((last = RandomAccess.Read(handle, existing[read..], read)) > 0)
            {
                read += last;
            }

            return read == bytes.Length && existing[..read].SequenceEqual(bytes);
        }
    }

    /// <summary>
    /// A directory where the tree writes the file <paramref name="path"/>, or a file (or anything but a directory) where it
    /// needs one of the directories above it, up to <paramref name="root"/>: neither can be replaced by a rename.
    /// Asked only when the file could not be opened, so an unchanged tree costs nothing more.
    /// </summary>
    private static (string Path, string What)? InTheWay(string path, string root)
    {
        if (Directory.Exists(path))
        {
            return (path, "a directory, where the tree writes a file");
        }

        (string, string)? found = null;
        for (var directory = Path.GetDirectoryName(path); directory is not null && directory.Length > root.Length; directory = Path.GetDirectoryName(directory))
        {
            if (Path.Exists(directory) && !Directory.Exists(directory))
            {
                found = (directory, "a file, where the tree needs a directory"); // The outermost one is the one to fix.
            }
        }

        return found;
    }

    /// <summary>
    /// Refuses to own a non-empty directory that does not carry the marker: it may be someone's files. (A directory
    /// holding only InfraGen's lock file counts as empty: a first generation locks it before writing the marker.)
    /// Refuses a path that is a file too, before anything tries to create a directory there.
    /// </summary>
    public static void EnsureOwned(string root)
    {
        if (File.Exists(root))
        {
            throw new InfraGenException([ModelErrors.OutPathIsAFile(root)]);
        }

        if (File.Exists(Path.Combine(root, TreeLayout.OwnershipMarker)) || IsEmpty(root))
        {
            return;
        }

        throw new InfraGenException([ModelErrors.OutDirectoryNotOwned(root, TreeLayout.OwnershipMarker)]);
    }

    /// <summary>
    /// Removes the files the tree does not hold (stale temporary files included), then every directory left empty. Works
    /// from one listing of the directory: only removals touch the disk.
    /// </summary>
    private static List<string> Prune(string root, RenderedTree tree)
    {
        var entries = Entries(root);
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

            File.Delete(Path.Combine(root, path)); // A symbolic link is removed itself; its target is never followed.
            if (!path.EndsWith(TempSuffix, StringComparison.Ordinal))
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

    [ThreadStatic]
    private static Buffers? t_buffers;

    /// <summary>One thread's encoding and reading buffers, reused for every file it writes.</summary>
    private sealed class Buffers
    {
        private byte[] _encoded = new byte[16 * 1024];
        private byte[] _existing = new byte[16 * 1024];

        public ReadOnlySpan<byte> Encode(string text)
        {
            var most = Utf8NoBom.GetMaxByteCount(text.Length);
            if (most > _encoded.Length)
            {
                _encoded = new byte[most];
            }

            return _encoded.AsSpan(0, Utf8NoBom.GetBytes(text, _encoded));
        }

        public Span<byte> Existing(int length)
        {
            if (length > _existing.Length)
            {
                _existing = new byte[length];
            }

            return _existing.AsSpan(0, length);
        }
    }
}
