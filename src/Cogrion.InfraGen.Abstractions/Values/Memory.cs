using System.Globalization;
using Cogrion.InfraGen.Documents;

namespace Cogrion.InfraGen;

/// <summary>A memory quantity in binary units, rendered in the unit it was declared in (<c>512Mi</c>, <c>1Gi</c>).</summary>
[ScalarSchema(@"^[1-9][0-9]*(Ki|Mi|Gi|Ti)$", Description = "Memory in binary units: 512Mi, 1Gi.")]
public readonly record struct Memory : IScalarValue
{
    private static readonly string[] Suffixes = ["Ki", "Mi", "Gi", "Ti"];

    private Memory(long amount, int unit)
    {
        Amount = amount > 0 ? amount : throw new ArgumentOutOfRangeException(nameof(amount), amount, "Memory must be positive.");
        Unit = unit;
    }

    /// <summary>The amount, in <see cref="Unit"/>s.</summary>
    public long Amount { get; }

    /// <summary>The unit: 0 = Ki, 1 = Mi, 2 = Gi, 3 = Ti.</summary>
    public int Unit { get; }

    /// <summary>The quantity in bytes.</summary>
    public long Bytes => checked(Amount << (10 * (Unit + 1)));

    /// <summary>Kibibytes.</summary>
    public static Memory Ki(long amount) => new(amount, 0);

    /// <summary>Mebibytes (<c>Memory.Mi(512)</c> is <c>512Mi</c>).</summary>
    public static Memory Mi(long amount) => new(amount, 1);

    /// <summary>Gibibytes (<c>Memory.Gi(1)</c> is <c>1Gi</c>).</summary>
    public static Memory Gi(long amount) => new(amount, 2);

    /// <summary>Tebibytes.</summary>
    public static Memory Ti(long amount) => new(amount, 3);

    /// <inheritdoc />
    public DocScalar ToScalar() => DocScalar.String(ToString());

    /// <inheritdoc />
    public override string ToString() => Amount.ToString(CultureInfo.InvariantCulture) + Suffixes[Unit];
}
