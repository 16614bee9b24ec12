using Cogrion.InfraGen.Documents;

namespace Cogrion.InfraGen;

/// <summary>A values record that renders itself; implemented by the source generator.</summary>
public interface IHelmValues
{
    /// <summary>The record as a values document: camelCase keys in declaration order, nulls left out.</summary>
    DocMap ToValuesDocument();
}

/// <summary>A <c>[HelmValues]</c> record; the static part tells the pipeline about its chart without reflection.</summary>
/// <typeparam name="TSelf">The record itself.</typeparam>
public interface IHelmValues<TSelf> : IHelmValues
    where TSelf : IHelmValues<TSelf>
{
    /// <summary>The chart name, schema and defaults of this values type.</summary>
    static abstract HelmValuesInfo ValuesInfo { get; }
}

/// <summary>What the generator knows about one chart's values type.</summary>
/// <param name="ChartName">The chart name from <c>[HelmValues]</c>.</param>
/// <param name="TypeName">The record's full name.</param>
/// <param name="SchemaJson">The chart's <c>values.schema.json</c> (JSON Schema draft-07).</param>
/// <param name="Defaults">Builds the chart defaults: every property with an initializer, nested records included.</param>
/// <param name="DeclaredAt">Where the record is declared.</param>
public sealed record HelmValuesInfo(
    string ChartName, string TypeName, string SchemaJson, Func<DocMap> Defaults, SourceLocation DeclaredAt)
{
    /// <summary>
    /// Where each values key is declared: the dotted YAML path inside the values (<c>image.tag</c>; list items
    /// and dictionary entries share their property's path) to the property's declaration. Used by
    /// <c>infragen explain</c> and by error messages that point into a values file.
    /// </summary>
    public IReadOnlyDictionary<string, SourceLocation> PropertyOrigins { get; init; } = new Dictionary<string, SourceLocation>();
}

/// <summary>A value type that renders as one YAML scalar (a quantity, a tag).</summary>
public interface IScalarValue
{
    /// <summary>The scalar.</summary>
    DocScalar ToScalar();
}
