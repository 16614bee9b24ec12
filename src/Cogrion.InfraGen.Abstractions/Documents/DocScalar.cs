using System.Globalization;

namespace Cogrion.InfraGen.Documents;

/// <summary>What a scalar is, so it renders as that type (a string <c>"true"</c> is quoted, a boolean is not).</summary>
public enum ScalarKind
{
    /// <summary>Text; quoted when a YAML 1.1 or 1.2 reader would take it for something else.</summary>
    String,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>A decimal number, written in invariant culture.</summary>
    Decimal,

    /// <summary>null: in a Helm values file it removes a chart default.</summary>
    Null,
}

/// <summary>A scalar node. <see cref="Text"/> is the canonical text; the YAML writer decides on quoting.</summary>
public sealed class DocScalar : DocNode
{
    private static readonly DocScalar TrueValue = new(ScalarKind.Boolean, "true");
    private static readonly DocScalar FalseValue = new(ScalarKind.Boolean, "false");

    private DocScalar(ScalarKind kind, string text)
    {
        Kind = kind;
        Text = text;
    }

    /// <summary>The null scalar.</summary>
    public static DocScalar Null { get; } = new(ScalarKind.Null, "null");

    /// <summary>The kind.</summary>
    public ScalarKind Kind { get; }

    /// <summary>The value as text (invariant culture).</summary>
    public string Text { get; }

    /// <summary>A string.</summary>
    public static DocScalar String(string value) => new(ScalarKind.String, value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>An integer.</summary>
    public static DocScalar Integer(long value) => new(ScalarKind.Integer, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A boolean.</summary>
    public static DocScalar Boolean(bool value) => value ? TrueValue : FalseValue;

    /// <summary>A decimal number; always has a digit before any point, never an exponent.</summary>
    public static DocScalar Decimal(decimal value) =>
        new(ScalarKind.Decimal, value.ToString("0.############################", CultureInfo.InvariantCulture));

    /// <inheritdoc />
    public override string ToString() => Text;
}
