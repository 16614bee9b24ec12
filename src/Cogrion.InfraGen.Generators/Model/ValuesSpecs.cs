namespace Cogrion.InfraGen.Generators.Model;

/// <summary>What kind of YAML a values property becomes.</summary>
internal enum ValueKind
{
    String,
    Boolean,
    Int32,
    Int64,
    Decimal,
    Enum,
    Scalar,
    Record,
    List,
    Dictionary,
}

/// <summary>A property's type as the emitters need it: kind, nullability, element type, enum members, scalar schema.</summary>
/// <param name="Kind">What YAML it becomes.</param>
/// <param name="FullName">The type (without Nullable&lt;&gt;), fully qualified.</param>
/// <param name="IsNullable">Null is allowed: an annotated reference type or a Nullable&lt;T&gt;.</param>
/// <param name="IsValueType">The type (without Nullable&lt;&gt;) is a struct, so a non-nullable one is always present.</param>
/// <param name="Element">The item type of a list or the value type of a dictionary.</param>
/// <param name="EnumMembers">An enum's member names, one per distinct value, in declaration order.</param>
/// <param name="Pattern">A scalar's <c>[ScalarSchema]</c> pattern.</param>
/// <param name="Description">A scalar's <c>[ScalarSchema]</c> description.</param>
internal sealed record TypeRef(
    ValueKind Kind,
    string FullName,
    bool IsNullable,
    bool IsValueType,
    TypeRef? Element,
    EquatableArray<string> EnumMembers,
    string? Pattern,
    string? Description);

/// <summary>One public instance property of a values record.</summary>
/// <param name="Name">The C# property name.</param>
/// <param name="YamlKey">The key it is written under.</param>
/// <param name="Type">Its type.</param>
/// <param name="HasInitializer">It has an initializer, so it is a chart default.</param>
/// <param name="DefaultJson">The initializer as a JSON literal, when it is a compile-time constant.</param>
/// <param name="Description">The summary of its XML doc comment.</param>
/// <param name="IsSubchart">It is marked <c>[SubchartValues]</c>: its schema is open to undeclared keys.</param>
internal sealed record PropertySpec(
    string Name,
    string YamlKey,
    TypeRef Type,
    bool HasInitializer,
    string? DefaultJson,
    string? Description,
    bool IsSubchart);

/// <summary>A values record (a <c>[HelmValues]</c> root, or a record one reaches).</summary>
/// <param name="FullName">The record, fully qualified.</param>
/// <param name="Namespace">Its namespace; empty for the global namespace.</param>
/// <param name="Name">Its name.</param>
/// <param name="Accessibility"><c>public</c> or <c>internal</c>.</param>
/// <param name="Properties">The properties it writes, in declaration order.</param>
/// <param name="Description">The summary of its XML doc comment.</param>
/// <param name="DeclaresConstructors">It declares a constructor, so the generator must not add the parameterless one.</param>
/// <param name="LeftOut">
/// Properties the generator cannot write (INFRA0004, INFRA0010, or a type the compiler cannot resolve): the record is
/// generated without them, so it still satisfies <c>IHelmValues</c>, but its writer refuses to run.
/// </param>
/// <param name="HasPropertiesWithoutDefault">A property lacks a default and is not required (INFRA0012 reports it).</param>
internal sealed record RecordSpec(
    string FullName,
    string Namespace,
    string Name,
    string Accessibility,
    EquatableArray<PropertySpec> Properties,
    string? Description,
    bool DeclaresConstructors,
    EquatableArray<string> LeftOut,
    bool HasPropertiesWithoutDefault);

/// <summary>Where a values key is declared: a dotted YAML path, and the property's file and 1-based line.</summary>
internal sealed record PropertyOrigin(string Path, string File, int Line);

/// <summary>A <c>[HelmValues]</c> root with every record it reaches, root first: enough to write its schema.</summary>
internal sealed record ValuesRootSpec(
    string ChartName,
    string FullName,
    string FilePath,
    int Line,
    EquatableArray<RecordSpec> Records,
    EquatableArray<PropertyOrigin> Origins);

/// <summary>One chart in the catalog.</summary>
internal sealed record CatalogEntry(string ChartName, string FullName);

/// <summary>An <c>[InfraModel]</c> class; <paramref name="CanCreate"/> is false when an analyzer reports why it cannot be created.</summary>
internal sealed record InfraModelSpec(string FullName, bool CanCreate);

/// <summary>What the catalog and entry point need from the compilation.</summary>
internal sealed record CompilationFacts(bool IsExe, bool HasHost);
