using System.Diagnostics;
using Cogrion.InfraGen.Output;
using Cogrion.InfraGen.Rendering;

namespace Cogrion.InfraGen.Benchmarks;

/// <summary>
/// The floor of writing a tree: its bytes (encoded beforehand) written with plain, sequential file writes into a
/// fresh directory beside the real output (same file system), with no comparing, no temporary files and no renames.
/// </summary>
public static class FloorWrite
{
    /// <summary>How long the plain writes took; the directory is removed afterwards.</summary>
    public static TimeSpan Measure(RenderedTree tree, string besideDirectory)
    {
        var files = tree.Files.Values.Select(f => (f.Path, Bytes: TreeWriter.Encode(f))).ToArray();
        var root = Path.GetFullPath(besideDirectory).TrimEnd(Path.DirectorySeparatorChar) + ".floor-" + Environment.ProcessId;
        try
        {
            var clock = Stopwatch.StartNew();
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

            return clock.Elapsed;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
