using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Cogrion.InfraGen.Tests.Support;

/// <summary>
/// Checked-in baselines without Verify: compares a set of named texts with the files under
/// <c>Baselines/{name}/</c>, the set of files included, and shows a unified-style diff on mismatch.
/// Run with <c>UPDATE_BASELINES=1</c> to rewrite the baselines from the current output.
/// </summary>
public static class Baseline
{
    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_BASELINES") is "1" or "true";

    /// <summary>
    /// The baselines folder of the calling test's project in the source tree (not the build output), so updates
    /// land in git. Shared by every test project (a linked file): the project is the nearest folder with a .csproj.
    /// </summary>
    public static string Directory(string name, [CallerFilePath] string caller = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(caller)!);
        while (dir is not null && !dir.EnumerateFiles("*.csproj").Any())
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Test project not found."), "Baselines", name);
    }

    /// <summary>Asserts <paramref name="actual"/> (relative path to text) equals the baseline folder, file set included.</summary>
    public static void AssertMatches(string name, IReadOnlyDictionary<string, string> actual, [CallerFilePath] string caller = "")
    {
        var root = Directory(name, caller);
        if (Updating)
        {
            if (System.IO.Directory.Exists(root))
            {
                System.IO.Directory.Delete(root, recursive: true);
            }

            foreach (var (path, text) in actual)
            {
                var file = Path.Combine(root, path + ".txt");
                System.IO.Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllText(file, text, new UTF8Encoding(false));
            }

            return;
        }

        var expectedFiles = System.IO.Directory.Exists(root)
            ? System.IO.Directory.EnumerateFiles(root, "*.txt", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')[..^4])
                .Order(StringComparer.Ordinal).ToList()
            : [];
        var report = new StringBuilder();
        var missing = expectedFiles.Except(actual.Keys, StringComparer.Ordinal).ToList();
        var added = actual.Keys.Except(expectedFiles, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        foreach (var path in missing)
        {
            report.Append("no longer produced: ").Append(path).Append('\n');
        }

        foreach (var path in added)
        {
            report.Append("new file, not in the baseline: ").Append(path).Append('\n');
        }

        foreach (var path in expectedFiles.Intersect(actual.Keys, StringComparer.Ordinal))
        {
            var expected = File.ReadAllText(Path.Combine(root, path + ".txt"));
            if (!string.Equals(expected, actual[path], StringComparison.Ordinal))
            {
                report.Append(Diff(path, expected, actual[path]));
            }
        }

        if (report.Length > 0)
        {
            Assert.Fail($"Output differs from Baselines/{name} (run with UPDATE_BASELINES=1 to accept):\n{report}");
        }
    }

    /// <summary>A compact line diff: changed lines with '-'/'+' and a line of context either side.</summary>
    public static string Diff(string path, string expected, string actual)
    {
        var diff = InlineDiffBuilder.Diff(expected, actual, ignoreWhiteSpace: false);
        var lines = diff.Lines;
        var text = new StringBuilder($"--- baseline/{path}\n+++ actual/{path}\n");
        for (var i = 0; i < lines.Count; i++)
        {
            var near = Enumerable.Range(Math.Max(0, i - 1), Math.Min(lines.Count, i + 2) - Math.Max(0, i - 1))
                .Any(j => lines[j].Type != ChangeType.Unchanged);
            if (!near)
            {
                continue;
            }

            var prefix = lines[i].Type switch { ChangeType.Inserted => "+", ChangeType.Deleted => "-", _ => " " };
            text.Append(prefix).Append(lines[i].Text).Append('\n');
        }

        return text.ToString();
    }
}
