using Cogrion.InfraGen.Documents;

namespace Cogrion.InfraGen;

/// <summary>An immutable image tag, <c>sha-</c> and 7 to 40 lower-case hex digits of a git commit.</summary>
/// <remarks>The seed's rule: every deployment is pinned to a commit; <c>latest</c> is never used.</remarks>
[ScalarSchema(PatternText, Description = "An immutable image tag: sha- and 7 to 40 lower-case hex digits of a git commit.")]
public readonly partial record struct ImageTag : IScalarValue
{
    /// <summary>
    /// The tag's pattern in <c>values.schema.json</c>, as JSON Schema (ECMA-262) reads it: there <c>$</c> is the end of
    /// the text. Not for .NET's <c>Regex</c>, whose <c>$</c> also matches before a final line break: the check in code is
    /// <see cref="IsValid"/> (<see cref="ImageTagRule"/>, shared with the analyzers).
    /// </summary>
    public const string PatternText = "^sha-[0-9a-f]{7,40}$";

    /// <summary>What a valid tag looks like, for error messages.</summary>
    public const string Rule = ImageTagRule.Rule;

    private ImageTag(string value) => Value = value;

    /// <summary>The tag text.</summary>
    public string Value { get; }

    /// <summary>Whether <paramref name="text"/> is a valid tag: all of it, nothing before or after (no final line break).</summary>
    public static bool IsValid(string? text) => ImageTagRule.IsValid(text);

    /// <summary>
    /// <paramref name="text"/> as error messages show a tag: quoted, with line breaks and control characters escaped
    /// (<c>'sha-a1b2c3d\n'</c>).
    /// </summary>
    public static string Quote(string? text) => ImageTagRule.Quote(text);

    /// <summary>Parses a tag; throws <see cref="FormatException"/> saying what is allowed.</summary>
    public static ImageTag Parse(string text) =>
        IsValid(text) ? new ImageTag(text) : throw new FormatException($"{Quote(text)} is not an image tag: expected {Rule}.");

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
}
