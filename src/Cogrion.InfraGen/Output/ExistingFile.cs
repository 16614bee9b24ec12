using System.Collections.Concurrent;
using Microsoft.Win32.SafeHandles;

namespace Cogrion.InfraGen.Output;

/// <summary>What is on disk where the tree writes a file: the same bytes already, or something a rename cannot replace.</summary>
internal static class ExistingFile
{
    /// <summary>
    /// Whether <paramref name="path"/> already holds exactly <paramref name="text"/>'s bytes. When it cannot be opened,
    /// what is in the way, if anything, is added to <paramref name="blocked"/>: a directory at the file's path, or a file
    /// at one of its directories' below <paramref name="root"/>.
    /// </summary>
    public static bool HasBytes(string path, string text, string root, ConcurrentDictionary<string, string>? blocked)
    {
        var buffers = EncodingBuffers.ForThisThread;
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
}
