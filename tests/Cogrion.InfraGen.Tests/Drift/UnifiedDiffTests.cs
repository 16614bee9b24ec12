using Cogrion.InfraGen.Drift;

namespace Cogrion.InfraGen.Tests.Drift;

public sealed class UnifiedDiffTests
{
    private static readonly string Ten = string.Concat(Enumerable.Range(1, 10).Select(i => $"line {i}\n"));

    [Fact]
    public void A_changed_line_shows_with_three_lines_of_context()
    {
        var diff = UnifiedDiff.Render(Ten, Ten.Replace("line 5\n", "line five\n", StringComparison.Ordinal), "a", "b");

        Assert.Equal("--- a\n+++ b\n@@ -2,7 +2,7 @@\n line 2\n line 3\n line 4\n-line 5\n+line five\n line 6\n line 7\n line 8\n", diff);
    }

    [Fact]
    public void Changes_far_apart_get_hunks_of_their_own()
    {
        var twenty = Ten + string.Concat(Enumerable.Range(11, 10).Select(i => $"line {i}\n"));
        var changed = twenty.Replace("line 1\n", "first\n", StringComparison.Ordinal).Replace("line 20\n", "last\n", StringComparison.Ordinal);

        var diff = UnifiedDiff.Render(twenty, changed, "a", "b");

        Assert.Equal(2, diff.Split('\n').Count(l => l.StartsWith("@@", StringComparison.Ordinal)));
        Assert.Contains("@@ -1,4 +1,4 @@\n-line 1\n+first\n", diff);
        Assert.Contains("@@ -17,4 +17,4 @@\n line 17\n line 18\n line 19\n-line 20\n+last\n", diff);
    }

    [Fact]
    public void An_absent_file_is_dev_null()
    {
        Assert.Equal("--- /dev/null\n+++ b\n@@ -0,0 +1,2 @@\n+x: 1\n+y: 2\n", UnifiedDiff.Render(null, "x: 1\ny: 2\n", "a", "b"));
    }

    [Fact]
    public void A_carriage_return_is_shown_so_a_line_end_change_is_visible()
    {
        Assert.Contains("-a: 1\\r\n+a: 1\n", UnifiedDiff.Render("a: 1\r\n", "a: 1\n", "a", "b"));
    }

    [Fact]
    public void Texts_with_the_same_lines_have_no_diff()
    {
        Assert.Equal(string.Empty, UnifiedDiff.Render("a\nb\n", "a\nb", "a", "b"));
    }
}
