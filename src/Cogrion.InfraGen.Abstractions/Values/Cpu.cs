using System.Globalization;
using Cogrion.InfraGen.Documents;

namespace Cogrion.InfraGen;

/// <summary>A CPU quantity in Kubernetes form: whole cores (<c>2</c>) or millicores (<c>250m</c>).</summary>
[ScalarSchema(@"^([1-9][0-9]*m|[0-9]+)$", Description = "CPU: whole cores (2) or millicores (250m).")]
public readonly record struct Cpu : IScalarValue
{
    private Cpu(long millicores) => TotalMillicores = millicores;

    /// <summary>The quantity in millicores.</summary>
    public long TotalMillicores { get; }

    /// <summary>A quantity in millicores (<c>Cpu.Millicores(250)</c> is <c>250m</c>).</summary>
    public static Cpu Millicores(long value) =>
        value > 0 ? new Cpu(value) : throw new ArgumentOutOfRangeException(nameof(value), value, "CPU must be positive.");

    /// <summary>A quantity in whole cores (<c>Cpu.Cores(2)</c> is <c>2</c>).</summary>
    public static Cpu Cores(long value) =>
        value > 0 ? new Cpu(checked(value * 1000)) : throw new ArgumentOutOfRangeException(nameof(value), value, "CPU must be positive.");

    /// <inheritdoc />
    public DocScalar ToScalar() => DocScalar.String(ToString());

    /// <summary>Whole cores when exact, else millicores.</summary>
    public override string ToString() => TotalMillicores % 1000 == 0
        ? (TotalMillicores / 1000).ToString(CultureInfo.InvariantCulture)
        : TotalMillicores.ToString(CultureInfo.InvariantCulture) + "m";
}
