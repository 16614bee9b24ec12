using System.Text;
using DiffPlex;

namespace Cogrion.InfraGen.Drift;

/// <summary>A unified diff (as <c>diff -u</c> and <c>git diff</c> print it) of two texts, computed with DiffPlex.</summary>
public static class UnifiedDiff
{
    /// <summary>Lines of unchanged context around each change.</summary>
    public const int Context = 3;

    /// <summary>
    /// The hunks turning <paramref name="oldText"/> into <paramref name="newText"/> under the given header names;
    /// a null text is an absent file (<c>/dev/null</c>). Empty when the texts have the same lines.
    /// </summary>
    public static string Render(string? oldText, string? newText, string oldName, string newName)
    {
        var oldLines = Lines(oldText);
        var newLines = Lines(newText);
        var blocks = Blocks(oldLines, newLines);
        if (blocks.Count == 0 && oldLines.Length == newLines.Length)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        text.Append("--- ").Append(oldText is null ? "/dev/null" : oldName).Append('\n');
        text.Append("+++ ").Append(newText is null ? "/dev/null" : newName).Append('\n');
        if (blocks.Count == 0)
        {
            // DiffPlex drops a trailing empty line, so "a\n" and "a" can come back equal: show the whole file.
            blocks = [new DiffPlex.Model.DiffBlock(0, oldLines.Length, 0, newLines.Length)];
        }

        var index = 0;
        while (index < blocks.Count)
        {
            // Blocks closer than twice the context share one hunk.
            var last = index;
            while (last + 1 < blocks.Count && blocks[last + 1].DeleteStartA - (blocks[last].DeleteStartA + blocks[last].DeleteCountA) <= 2 * Context)
            {
                last++;
            }

            AppendHunk(text, oldLines, newLines, blocks, index, last);
            index = last + 1;
        }

        return text.ToString();
    }

    /// <summary>The first line of <paramref name="oldText"/> that differs (1-based), for pointing an editor at it.</summary>
    public static int FirstChangedLine(string? oldText, string? newText)
    {
        var blocks = Blocks(Lines(oldText), Lines(newText));
        return blocks.Count == 0 ? 1 : blocks[0].DeleteStartA + 1;
    }

    private static IList<DiffPlex.Model.DiffBlock> Blocks(string[] oldLines, string[] newLines) =>
        Differ.Instance.CreateLineDiffs(string.Join('\n', oldLines), string.Join('\n', newLines), ignoreWhitespace: false).DiffBlocks;

    private static void AppendHunk(StringBuilder text, string[] oldLines, string[] newLines, IList<DiffPlex.Model.DiffBlock> blocks, int first, int last)
    {
        var oldStart = Math.Max(0, blocks[first].DeleteStartA - Context);
        var newStart = Math.Max(0, blocks[first].InsertStartB - Context);
        var oldEnd = Math.Min(oldLines.Length, blocks[last].DeleteStartA + blocks[last].DeleteCountA + Context);
        var newEnd = Math.Min(newLines.Length, blocks[last].InsertStartB + blocks[last].InsertCountB + Context);
        text.Append("@@ -").Append(Range(oldStart, oldEnd - oldStart)).Append(" +").Append(Range(newStart, newEnd - newStart)).Append(" @@\n");

        var line = oldStart;
        for (var b = first; b <= last; b++)
        {
            var block = blocks[b];
            for (; line < block.DeleteStartA; line++)
            {
                text.Append(' ').Append(oldLines[line]).Append('\n');
            }

            for (var i = 0; i < block.DeleteCountA; i++)
            {
                text.Append('-').Append(oldLines[block.DeleteStartA + i]).Append('\n');
            }

            for (var i = 0; i < block.InsertCountB; i++)
            {
                text.Append('+').Append(newLines[block.InsertStartB + i]).Append('\n');
            }

            line = block.DeleteStartA + block.DeleteCountA;
        }

        for (; line < oldEnd; line++)
        {
            text.Append(' ').Append(oldLines[line]).Append('\n');
        }
    }

    /// <summary>A hunk range: 1-based start and count, with diff's convention for empty ranges.</summary>
    private static string Range(int start, int count) => count == 0 ? $"{start},0" : count == 1 ? $"{start + 1}" : $"{start + 1},{count}";

    /// <summary>
    /// The lines of a text; a final line end does not start another line, and a carriage return stays visible
    /// (shown as \r) so a CRLF file differs from its LF twin in the diff, not only in the bytes.
    /// </summary>
    private static string[] Lines(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var body = text.EndsWith('\n') ? text[..^1] : text;
        return body.Split('\n').Select(l => l.Replace("\r", "\\r", StringComparison.Ordinal)).ToArray();
    }
}
