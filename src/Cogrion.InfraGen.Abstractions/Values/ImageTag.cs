using System.Text.RegularExpressions;
using Cogrion.InfraGen.Documents;

namespace Cogrion.InfraGen;

/// <summary>An immutable image tag, <c>sha-</c> and 7 to 40 lower-case hex digits of a git commit.</summary>
/// <remarks>The seed's rule: every deployment is pinned to a commit; <c>latest</c> is never used.</remarks>
[ScalarSchema(PatternText, Description = "An immutable image tag: sha- and 7 to 40 lower-case hex digits of a git commit.")]
public readonly partial record struct ImageTag : IScalarValue
{
    /// <summary>The pattern every tag matches.</summary>
    public const string PatternText = "^sha-[0-9a-f]{7,40}$";

    /// <summary>What a valid tag looks like, for error messages.</summary>
    public const string Rule = "sha- followed by 7 to 40 lower-case hex digits of a git commit (sha-a1b2c3d)";

    private ImageTag(string value) => Value = value;

    /// <summary>The tag text.</summary>
    public string Value { get; }

    /// <summary>Whether <paramref name="text"/> is a valid tag.</summary>
    public static bool IsValid(string? text) => text is not null && Pattern().IsMatch(text);

    /// <summary>Parses a tag; throws <see cref="FormatException"/> saying what is allowed.</summary>
    public static ImageTag Parse(string text) =>
        IsValid(text) ? new ImageTag(text) : throw new FormatException($"'{text}' is not an image tag: expected {Rule}.");

    /// <summary>Parses a tag, or returns false.</summary>
    public static bool TryParse(string? text, out ImageTag tag)
    {
        tag = IsValid(text) ? new ImageTag(text!) : default;
        return tag.Value is not null;
    }

    /// <inheritdoc />
    public DocScalar ToScalar() => DocScalar.String(Value ?? throw new InvalidOperationException("An empty ImageTag cannot be rendered."));

    /// <inheritdoc />
    public override string ToString() => Value ?? "";

    [GeneratedRegex(PatternText, RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
