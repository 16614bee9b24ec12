using System.Diagnostics;
using Cogrion.InfraGen.Output;
using Cogrion.InfraGen.Rendering;

namespace Cogrion.InfraGen.Benchmarks;

/// <summary>
/// The floor of writing a tree: its bytes (encoded beforehand) written with plain, sequential file writes into a
/// fresh directory, with no comparing, no temporary files and no renames; each directory is made once.
/// </summary>
public static class FloorWrite
{
    /// <summary>Every file of the tree with the bytes it is written as.</summary>
    public static (string Path, byte[] Bytes)[] Encode(RenderedTree tree) =>
        [.. tree.Files.Values.Select(f => (f.Path, TreeWriter.Encode(f)))];

    /// <summary>
    /// How long plain writes of the tree take into a fresh directory beside <paramref name="besideDirectory"/> (same file
    /// system); the directory is removed afterwards.
    /// </summary>
    public static TimeSpan Measure(RenderedTree tree, string besideDirectory)
    {
        var files = Encode(tree);
        var root = Path.GetFullPath(besideDirectory).TrimEnd(Path.DirectorySeparatorChar) + ".floor-" + Environment.ProcessId;
        try
        {
            var clock = Stopwatch.StartNew();
            Write(files, root);
            return clock.Elapsed;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Writes <paramref name="files"/> under <paramref name="root"/>, one after another.</summary>
    public static void Write((string Path, byte[] Bytes)[] files, string root)
    {
        var made = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, bytes) in files)
        {
            var target = Path.Combine(root, path);
            var directory = Path.GetDirectoryName(target)!;
            if (made.Add(directory))
            {
                Directory.CreateDirectory(directory);
            }

            File.WriteAllBytes(target, bytes);
        }
    }
}
