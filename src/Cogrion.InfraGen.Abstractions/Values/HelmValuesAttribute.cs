namespace Cogrion.InfraGen;

/// <summary>
/// Marks a partial record as the values of one chart. The source generator writes, for it, the chart's
/// <c>values.schema.json</c>, a reflection-free writer to YAML, and the chart defaults (properties with
/// initializers). Records it reaches through properties must be partial records too.
/// </summary>
/// <param name="chart">The chart (and app) name, a DNS-1123 label.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class HelmValuesAttribute(string chart) : Attribute
{
    /// <summary>The chart name.</summary>
    public string Chart { get; } = chart;
}

/// <summary>Gives a values property a YAML key other than its camelCase name (say, <c>kube-prometheus-stack</c>).</summary>
/// <param name="name">The key.</param>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class YamlNameAttribute(string name) : Attribute
{
    /// <summary>The key.</summary>
    public string Name { get; } = name;
}

/// <summary>
/// Declares how a scalar value type (<see cref="Cpu"/>, <see cref="Memory"/>, <see cref="ImageTag"/>) appears in
/// a values schema. The generator reads it; the type renders itself through <see cref="IScalarValue"/>.
/// </summary>
/// <param name="pattern">An ECMA-262 pattern every rendered value matches.</param>
[AttributeUsage(AttributeTargets.Struct | AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ScalarSchemaAttribute(string pattern) : Attribute
{
    /// <summary>The pattern.</summary>
    public string Pattern { get; } = pattern;

    /// <summary>A one-line description for the schema.</summary>
    public string? Description { get; init; }
}

/// <summary>
/// Marks a values property that holds the values of an upstream dependency chart (its key is the dependency's
/// name or alias). Helm merges that chart's own defaults under the key before it validates, so the generated
/// schema leaves this object (and every object inside it) open to keys the record does not declare; the
/// dependency's own schema checks those.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class SubchartValuesAttribute : Attribute;
