using System.Collections.Concurrent;
using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Rendering;

namespace Cogrion.InfraGen.Output;

/// <summary>
/// Puts a rendered tree on disk: writes a file only when its bytes change, each through a temporary file and
/// a rename in the same directory (<see cref="AtomicFile"/>: a reader sees the old or the new file, never half of one),
/// then removes what the model no longer produces (<see cref="Pruning"/>). It deletes only inside the output
/// directory, and only once that directory carries InfraGen's ownership marker.
/// </summary>
public static class TreeWriter
{
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
        var fresh = OutListing.IsEmpty(root); // Nothing on disk to compare with.
        Attempt(root, written: 0, () => Directory.CreateDirectory(root));

        // Files are independent, so they are compared and written in parallel; the report lists them in tree order.
        var files = tree.Files.Values.ToArray();
        var options = new ParallelOptions { MaxDegreeOfParallelism = files.Length < ParallelFrom ? 1 : -1 };
        var (targets, changed) = Compare(files, root, fresh, options);
        var directories = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal) { [root] = true };
        WriteChanged(files, targets, changed, directories, options);
        List<string> written = [.. files.Where((_, i) => changed[i]).Select(f => f.Path)];

        // A directory that was empty holds only what was just written.
        var deleted = fresh ? [] : Attempt(root, written.Count, () => Pruning.Prune(root, tree));
        return new WriteReport(written, deleted, files.Length - written.Count) { Published = Publish(tree, root, directories, written.Count) };
    }

    /// <summary>The bytes a rendered file is written as.</summary>
    public static byte[] Encode(RenderedFile file) => EncodingBuffers.Utf8NoBom.GetBytes(file.Text);

    /// <summary>
    /// Every file under the output directory, relative and '/'-separated, in ordinal order. A symbolic link is
    /// listed as a file and never followed, so pruning can never reach outside the directory.
    /// </summary>
    public static IEnumerable<string> ExistingFiles(string root) => OutListing.Files(root);

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

        if (File.Exists(Path.Combine(root, TreeLayout.OwnershipMarker)) || OutListing.IsEmpty(root))
        {
            return;
        }

        throw new InfraGenException([ModelErrors.OutDirectoryNotOwned(root, TreeLayout.OwnershipMarker)]);
    }

    /// <summary>
    /// Which files differ from disk. Everything is compared before anything is written, so a path the tree cannot use
    /// (a file where it needs a directory) is refused with nothing written.
    /// </summary>
    private static (string[] Targets, bool[] Changed) Compare(RenderedFile[] files, string root, bool fresh, ParallelOptions options)
    {
        var targets = new string[files.Length];
        var changed = new bool[files.Length];
        var blocked = new ConcurrentDictionary<string, string>(StringComparer.Ordinal); // path -> what is in the way
        InParallel(files.Length, options, i =>
        {
            targets[i] = Path.Combine(root, files[i].Path);
            changed[i] = fresh || !Attempt(targets[i], written: 0, () => ExistingFile.HasBytes(targets[i], files[i].Text, root, blocked));
        });

        return blocked.IsEmpty
            ? (targets, changed)
            : throw new InfraGenException([.. blocked.OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => ModelErrors.OutPathBlocked(b.Key, b.Value))]);
    }

    /// <summary>Writes every changed file; a failure stops the run naming the first file (in tree order) that failed.</summary>
    private static void WriteChanged(RenderedFile[] files, string[] targets, bool[] changed, ConcurrentDictionary<string, bool> directories, ParallelOptions options)
    {
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
                AtomicFile.Write(targets[i], files[i].Text, directories);
                Interlocked.Increment(ref done);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failures.Enqueue((i, e));
            }
        });

        if (!failures.IsEmpty)
        {
            // The file system's own error for the first file that failed: the others almost always share its cause.
            var (index, error) = failures.OrderBy(f => f.Index).First();
            throw WriteFailed(targets[index], error, done, failures.Count - 1);
        }
    }

    /// <summary>The copies outside the tree the model asks for (CODEOWNERS), written when their bytes changed.</summary>
    private static List<string> Publish(RenderedTree tree, string root, ConcurrentDictionary<string, bool> directories, int written)
    {
        var published = new List<string>();
        foreach (var copy in tree.Published)
        {
            if (copy.Target(root) is { } target
                && Attempt(target, written, () => !ExistingFile.HasBytes(target, copy.File.Text, Path.GetPathRoot(target)!, blocked: null) && AtomicFile.Write(target, copy.File.Text, directories)))
            {
                published.Add(PublishedFile.RelativeToOut(root, target));
            }
        }

        return published;
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
}
