namespace Cogrion.InfraGen.Generators.Rules;

/// <summary>
/// The image tag rule of <c>Cogrion.InfraGen.ImageTag</c> (<c>^sha-[0-9a-f]{7,40}$</c>), for tag literals in the IDE.
/// A test holds the two to the same answers.
/// </summary>
internal static class ImageTagRule
{
    private const string Expected = "use sha- followed by 7 to 40 lower-case hex digits of a git commit (sha-a1b2c3d)";

    /// <summary>Why <paramref name="tag"/> may not be deployed, or null when it is a pinned tag.</summary>
    public static string? Problem(string? tag)
    {
        if (string.IsNullOrEmpty(tag))
        {
            return "an empty tag deploys whatever the registry calls latest; " + Expected;
        }

        if (string.Equals(tag, "latest", System.StringComparison.OrdinalIgnoreCase))
        {
            return "it moves with every push, so a sync can deploy an image nobody reviewed; " + Expected;
        }

        return IsValid(tag!) ? null : Expected;
    }

    public static bool IsValid(string tag)
    {
        const string prefix = "sha-";
        var digits = tag.Length - prefix.Length;
        if (!tag.StartsWith(prefix, System.StringComparison.Ordinal) || digits < 7 || digits > 40)
        {
            return false;
        }

        for (var i = prefix.Length; i < tag.Length; i++)
        {
            if (tag[i] is not (>= '0' and <= '9' or >= 'a' and <= 'f'))
            {
                return false;
            }
        }

        return true;
    }
}
