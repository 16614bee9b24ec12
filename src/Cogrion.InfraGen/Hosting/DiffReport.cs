using Cogrion.InfraGen.Inspection;

namespace Cogrion.InfraGen.Hosting;

/// <summary>
/// <c>diff</c>'s text: the clusters' own files, then each app, each file's real differences as rows of key and change in
/// two columns. A key longer than the key column goes on a line of its own, its change below it in the column; a value
/// too long for a line is cut around where the two values differ, so the difference stays in sight.
/// </summary>
internal static class DiffReport
{
    /// <summary>The key column's widest: most keys fit, and a long one does not push every change to the right.</summary>
    public const int KeyColumn = 44;

    /// <summary>A value longer than this is shown around its first difference.</summary>
    public const int ValueWidth = 56;

    /// <summary>Characters of sameness kept before the first difference.</summary>
    private const int Lead = 16;

    public static void Print(ClusterDifferences differences, string left, string right, bool all, TextWriter output)
    {
        var scope = differences.Clusters is null ? $"the files of {string.Join(", ", differences.Apps.Select(a => a.Name))}" : "every file of both clusters";
        output.WriteLine($"infragen diff {left} {right}: {scope}; an app's values as its chart sees them (chart defaults + the cluster's values file).");
        if (differences.Clusters is { } clusters)
        {
            Group("the clusters' own files", clusters, all, output);
        }

        foreach (var app in differences.Apps)
        {
            Group(app.Name!, app, all, output);
        }

        output.WriteLine();
        var own = differences.Clusters is null ? string.Empty
            : differences.Clusters.Differs ? "; their own files differ" : "; their own files differ only by the clusters' names";
        output.WriteLine($"{differences.Apps.Count(a => a.Differs)} of {differences.Apps.Count} app(s) differ between {left} and {right}{own}.");
    }

    private static void Group(string name, ComparedGroup group, bool all, TextWriter output)
    {
        output.WriteLine();
        var namesOnly = group.Files.SelectMany(f => f.Differences.Where(d => d.NamesOnly).Select(d => f.Name == "values" ? d.Path : $"{f.Name} {d.Path}")).ToList();
        output.WriteLine(group.Differs ? name : $"{name}: same{(namesOnly.Count > 0 ? " but for the clusters' names" : string.Empty)}");
        foreach (var file in group.Files)
        {
            if (file.OnlyOn is not null)
            {
                output.WriteLine($"  {file.Name}: only on {file.OnlyOn}");
                continue;
            }

            var shown = file.Differences.Where(d => all || !d.NamesOnly).ToList();
            if (shown.Count > 0)
            {
                output.WriteLine($"  {file.Name}:");
                Rows(shown, "    ", output);
            }
        }

        if (!all && namesOnly.Count > 0)
        {
            output.WriteLine($"  only the clusters' names differ ({namesOnly.Count}, --all lists them): {string.Join(", ", namesOnly)}");
        }
    }

    /// <summary>Key and change in two columns, whatever the keys' lengths.</summary>
    internal static void Rows(IReadOnlyList<ValueDifference> rows, string indent, TextWriter output)
    {
        var width = Math.Min(KeyColumn, rows.Max(d => d.Path.Length));
        foreach (var row in rows)
        {
            var (before, after) = Around(row.Left, row.Right);
            var change = $"{before ?? "(absent)"} -> {after ?? "(absent)"}{(row.NamesOnly ? " (names only)" : string.Empty)}";
            if (row.Path.Length <= width)
            {
                output.WriteLine($"{indent}{row.Path.PadRight(width)}  {change}");
            }
            else
            {
                output.WriteLine($"{indent}{row.Path}");
                output.WriteLine($"{indent}{new string(' ', width)}  {change}");
            }
        }
    }

    /// <summary>
    /// Both values as they are when short; else each cut to <see cref="ValueWidth"/> from a little before the first
    /// character where they differ, with <c>…</c> where text was left out.
    /// </summary>
    internal static (string? Left, string? Right) Around(string? left, string? right)
    {
        if ((left?.Length ?? 0) <= ValueWidth && (right?.Length ?? 0) <= ValueWidth)
        {
            return (left, right);
        }

        var common = 0;
        while (left is not null && right is not null && common < left.Length && common < right.Length && left[common] == right[common])
        {
            common++;
        }

        var start = Math.Max(0, common - Lead);
        return (Cut(left, start), Cut(right, start));
    }

    private static string? Cut(string? value, int start)
    {
        if (value is null || value.Length <= ValueWidth)
        {
            return value;
        }

        start = Math.Min(start, Math.Max(0, value.Length - ValueWidth));
        var length = Math.Min(ValueWidth, value.Length - start);
        return (start > 0 ? "…" : string.Empty) + value.Substring(start, length) + (start + length < value.Length ? "…" : string.Empty);
    }
}
