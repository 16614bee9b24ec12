using Microsoft.CodeAnalysis;

namespace Cogrion.InfraGen.Generators.Diagnostics;

/// <summary>Which rule a values record breaks; each has its own diagnostic ID.</summary>
internal enum ValuesProblemKind
{
    /// <summary>A <c>[HelmValues]</c> type that is not a top-level, non-positional partial record class (INFRA0003).</summary>
    RecordShape,

    /// <summary>A values property whose type cannot be rendered to YAML (INFRA0004).</summary>
    PropertyType,

    /// <summary>A values property whose YAML key is empty or taken by another property (INFRA0010).</summary>
    YamlKey,

    /// <summary>A non-nullable values property with no initializer that is not <c>required</c> (INFRA0012).</summary>
    NoDefault,
}

/// <summary>
/// A problem of a values record, found by the same walk that builds the specs, so the analyzers report exactly
/// what the generator leaves out. Holds symbols: it never enters the incremental pipeline.
/// </summary>
internal sealed class ValuesProblem(ValuesProblemKind kind, ISymbol symbol, Location location, params object[] messageArgs)
{
    /// <summary>The rule broken.</summary>
    public ValuesProblemKind Kind { get; } = kind;

    /// <summary>The root type or the property the problem is about (deduplicates problems of shared records).</summary>
    public ISymbol Symbol { get; } = symbol;

    /// <summary>Where to report it.</summary>
    public Location Location { get; } = location;

    /// <summary>The arguments of the descriptor's message.</summary>
    public object[] MessageArgs { get; } = messageArgs;
}
