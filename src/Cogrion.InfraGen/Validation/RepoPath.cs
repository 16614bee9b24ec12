namespace Cogrion.InfraGen.Validation;

/// <summary>Paths inside the repository Argo CD reads, as it resolves them: '/'-separated, relative to the root.</summary>
public static class RepoPath
{
    /// <summary>
    /// <paramref name="relative"/> resolved against the directory <paramref name="from"/> and normalized (<c>.</c> and
    /// <c>..</c> applied); null when the result is absolute, a URL, a multi-source reference, or climbs above the root.
    /// </summary>
    public static string? Resolve(string from, string relative)
    {
        if (relative.StartsWith('/') || relative.StartsWith('$') || relative.Contains("://", StringComparison.Ordinal) || relative.Contains('\\'))
        {
            return null;
        }

        var parts = new List<string>();
        foreach (var segment in (from + "/" + relative).Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(segment);
        }

        return string.Join('/', parts);
    }

    /// <summary>A repository path normalized; null when it leaves the repository.</summary>
    public static string? Normalize(string path) => Resolve(string.Empty, path.TrimStart('/'));
}
