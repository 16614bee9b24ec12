using System.Collections.Concurrent;
using Microsoft.Win32.SafeHandles;

namespace Cogrion.InfraGen.Output;

/// <summary>
/// Writes a file the way every file of the tree is written: to <c>&lt;file&gt;.&lt;pid&gt;.infragen-tmp</c> beside it, then
/// renamed over it, so a reader (or a run killed half-way) sees the old bytes or the new ones, never part of either.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Writes <paramref name="text"/> to <paramref name="target"/>, creating its directory once per run (<paramref name="directories"/>); true.</summary>
    public static bool Write(string target, string text, ConcurrentDictionary<string, bool> directories)
    {
        var bytes = EncodingBuffers.ForThisThread.Encode(text);
        var directory = Path.GetDirectoryName(target)!;
        if (!directories.ContainsKey(directory))
        {
            Directory.CreateDirectory(directory);
            directories.TryAdd(directory, true);
        }

        var temp = $"{target}.{Environment.ProcessId}{TreeWriter.TempSuffix}";
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
}
