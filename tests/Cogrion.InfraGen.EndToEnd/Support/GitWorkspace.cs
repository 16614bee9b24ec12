namespace Cogrion.InfraGen.EndToEnd.Support;

/// <summary>
/// The shared repository copy as a git repository, so a test can assert what a verb changed the way a reviewer sees
/// it (<c>git diff</c>, <c>git status</c>) and put everything back afterwards.
/// </summary>
public static class GitWorkspace
{
    /// <summary>Makes <paramref name="root"/> a git repository whose one commit is its current state, unless it is one.</summary>
    public static void Ensure(string root)
    {
        if (Directory.Exists(Path.Combine(root, ".git")))
        {
            return;
        }

        Git(root, "init", "--quiet");
        Git(root, "add", "--all");
        Git(root, "-c", "user.name=e2e", "-c", "user.email=e2e@example.com", "commit", "--quiet", "--message", "the repository as copied");
    }

    /// <summary>Puts tracked files back and removes untracked ones (build output stays: it is ignored).</summary>
    public static void Reset(string root)
    {
        Git(root, "reset", "--hard", "--quiet");
        Git(root, "clean", "-d", "--force", "--quiet");
    }

    /// <summary><c>git status --porcelain</c>, untracked files listed one by one.</summary>
    public static string Status(string root) => Git(root, "status", "--porcelain", "--untracked-files=all");

    /// <summary>Per changed file: lines added, lines removed, path (<c>git diff --numstat</c>).</summary>
    public static string NumStat(string root) => Git(root, "diff", "--numstat");

    /// <summary>The changed lines, without context (<c>git diff -U0</c>).</summary>
    public static string Diff(string root) => Git(root, "diff", "-U0");

    private static string Git(string root, params string[] arguments)
    {
        var result = Command.Run("git", arguments, root);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Output;
    }
}
