namespace Cogrion.InfraGen.Inspection;

/// <summary>A model source line as it is on disk, for showing beside its location (explain's chains).</summary>
public static class SourceLines
{
    /// <summary>Longer lines are cut here: the location is the reference, the code a reminder.</summary>
    public const int MaxLength = 100;

    /// <summary>The line's code, trimmed and cut to <see cref="MaxLength"/>; null when the file or line is not there (or is blank).</summary>
    public static string? Line(SourceLocation at)
    {
        if (at.IsUnknown || at.Line < 1 || !File.Exists(at.File))
        {
            return null;
        }

        try
        {
            var text = File.ReadLines(at.File).Skip(at.Line - 1).FirstOrDefault()?.Trim();
            return string.IsNullOrEmpty(text) ? null : text.Length <= MaxLength ? text : text[..(MaxLength - 1)] + "…";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
