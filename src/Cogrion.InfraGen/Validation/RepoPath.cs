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

        // Runs for every Application of the tree: segments are applied in one buffer, and only the result is a new string.
        var capacity = from.Length + relative.Length + 1;
        var buffer = capacity <= 512 ? stackalloc char[capacity] : new char[capacity];
        var length = 0;
        return Apply(from, buffer, ref length) && Apply(relative, buffer, ref length) ? new string(buffer[..length]) : null;
    }

    /// <summary>Applies each segment of <paramref name="path"/> to the normalized path in <paramref name="buffer"/>; false when it climbs above the root.</summary>
    private static bool Apply(ReadOnlySpan<char> path, Span<char> buffer, ref int length)
    {
        foreach (var range in path.Split('/'))
        {
            var segment = path[range];
            if (segment.IsEmpty || segment is ".")
            {
                continue;
            }

            if (segment is "..")
            {
                if (length == 0)
                {
                    return false;
                }

                length = Math.Max(buffer[..length].LastIndexOf('/'), 0);
                continue;
            }

            if (length > 0)
            {
                buffer[length++] = '/';
            }

            segment.CopyTo(buffer[length..]);
            length += segment.Length;
        }

        return true;
    }

    /// <summary>A repository path normalized; null when it leaves the repository.</summary>
    public static string? Normalize(string path) => Resolve(string.Empty, path.TrimStart('/'));
}
