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
    Unsupported,
}

/// <summary>A property's type as the emitters need it: kind, nullability, element type, enum members, scalar schema.</summary>
internal sealed record TypeRef(
    ValueKind Kind,
    string FullName,
    bool IsNullable,
    TypeRef? Element,
    EquatableArray<string> EnumMembers,
    string? Pattern,
    string? Description)
{
    /// <summary>True for Nullable&lt;T&gt; value types, whose value is read through pattern matching.</summary>
    public bool IsValueType { get; init; }
}

/// <summary>One public instance property of a values record.</summary>
internal sealed record PropertySpec(
    string Name,
    string YamlKey,
    TypeRef Type,
    bool HasInitializer,
    string? DefaultJson,
    string? Description);

/// <summary>A values record (a <c>[HelmValues]</c> root, or a record one reaches).</summary>
internal sealed record RecordSpec(
    string FullName,
    string Namespace,
    string Name,
    string Accessibility,
    EquatableArray<PropertySpec> Properties,
    string? Description,
    bool DeclaresConstructors);

/// <summary>A <c>[HelmValues]</c> root with every record it reaches, root first: enough to write its schema.</summary>
internal sealed record ValuesRootSpec(
    string ChartName,
    string FullName,
    string FilePath,
    int Line,
    EquatableArray<RecordSpec> Records);

/// <summary>One chart in the catalog.</summary>
internal sealed record CatalogEntry(string ChartName, string FullName);

/// <summary>What the catalog and entry point need from the compilation.</summary>
internal sealed record CompilationFacts(bool IsExe, bool HasHost);
