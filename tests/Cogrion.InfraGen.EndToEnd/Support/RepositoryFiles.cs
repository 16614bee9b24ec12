namespace Cogrion.InfraGen.EndToEnd.Support;

/// <summary>This repository's files: where they are, and copying them as a fresh clone would have them.</summary>
public static class RepositoryFiles
{
    /// <summary>The repository root: the first directory upwards from the test assembly holding the solution.</summary>
    public static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cogrion.InfraGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Cogrion.InfraGen.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>
    /// Copies the files git would commit (tracked, plus new files not ignored) from <paramref name="root"/> to
    /// <paramref name="target"/>: the working state, without build output.
    /// </summary>
    public static void Copy(string root, string target)
    {
        var listed = Command.Run("git", ["-C", root, "ls-files", "-z", "--cached", "--others", "--exclude-standard"], root);
        Assert.True(listed.ExitCode == 0, listed.ToString());
        foreach (var relative in listed.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var source = Path.Combine(root, relative);
            if (!File.Exists(source))
            {
                continue; // Deleted in the worktree but not yet in the index.
            }

            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(source, destination);
        }
    }

    /// <summary>Every file below <paramref name="root"/> with its bytes.</summary>
    public static Dictionary<string, byte[]> Snapshot(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllBytes, StringComparer.Ordinal);

    /// <summary>Puts <paramref name="root"/> back to <paramref name="snapshot"/>: rewrites changed files, removes extra ones.</summary>
    public static void Restore(string root, IReadOnlyDictionary<string, byte[]> snapshot)
    {
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToList())
        {
            if (!snapshot.ContainsKey(Path.GetRelativePath(root, file)))
            {
                File.Delete(file);
            }
        }

        foreach (var (relative, bytes) in snapshot)
        {
            var file = Path.Combine(root, relative);
            if (!File.Exists(file) || !File.ReadAllBytes(file).AsSpan().SequenceEqual(bytes))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllBytes(file, bytes);
            }
        }
    }
}
