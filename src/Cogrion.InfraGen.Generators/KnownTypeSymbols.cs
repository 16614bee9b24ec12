using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace Cogrion.InfraGen.Generators;

/// <summary>
/// The vocabulary and framework types the generator and the analyzers look for, resolved once per compilation and
/// compared as symbols (System.Text.Json's <c>KnownTypeSymbols</c>): no display strings, which a type of the same
/// name in another namespace or a changed display format would match or miss.
/// </summary>
/// <remarks>A type the compilation does not reference is null, and nothing matches it.</remarks>
internal sealed class KnownTypeSymbols
{
    // Weak keys: an entry lives as long as its compilation, so the IDE's stream of compilations is never held.
    private static readonly ConditionalWeakTable<Compilation, KnownTypeSymbols> PerCompilation = new();

    private readonly HashSet<INamedTypeSymbol> _listDefinitions;
    private readonly HashSet<INamedTypeSymbol> _dictionaryDefinitions;

    private KnownTypeSymbols(Compilation compilation)
    {
        INamedTypeSymbol? Type(string metadataName) => compilation.GetTypeByMetadataName(metadataName);

        HelmValuesAttribute = Type(KnownNames.HelmValuesAttribute);
        YamlNameAttribute = Type(KnownNames.YamlNameAttribute);
        SubchartValuesAttribute = Type(KnownNames.SubchartValuesAttribute);
        ScalarSchemaAttribute = Type(KnownNames.ScalarSchemaAttribute);
        ScalarValueInterface = Type(KnownNames.ScalarValueInterface);
        HelmValuesInterface = Type(KnownNames.HelmValuesInterface);
        InfraModelInterface = Type(KnownNames.InfraModelInterface);
        FlagsAttribute = Type("System.FlagsAttribute");

        // The collections a values property may be: each written as a YAML sequence or a map with string keys.
        _listDefinitions = Definitions(
            compilation.GetSpecialType(SpecialType.System_Collections_Generic_IEnumerable_T),
            compilation.GetSpecialType(SpecialType.System_Collections_Generic_IReadOnlyList_T),
            compilation.GetSpecialType(SpecialType.System_Collections_Generic_IReadOnlyCollection_T),
            compilation.GetSpecialType(SpecialType.System_Collections_Generic_IList_T),
            compilation.GetSpecialType(SpecialType.System_Collections_Generic_ICollection_T),
            Type("System.Collections.Generic.List`1"));
        _dictionaryDefinitions = Definitions(
            Type("System.Collections.Generic.IReadOnlyDictionary`2"),
            Type("System.Collections.Generic.IDictionary`2"),
            Type("System.Collections.Generic.Dictionary`2"),
            Type("System.Collections.Generic.SortedDictionary`2"));
    }

    /// <summary><c>[HelmValues]</c>.</summary>
    public INamedTypeSymbol? HelmValuesAttribute { get; }

    /// <summary><c>[YamlName]</c>.</summary>
    public INamedTypeSymbol? YamlNameAttribute { get; }

    /// <summary><c>[SubchartValues]</c>.</summary>
    public INamedTypeSymbol? SubchartValuesAttribute { get; }

    /// <summary><c>[ScalarSchema]</c>.</summary>
    public INamedTypeSymbol? ScalarSchemaAttribute { get; }

    /// <summary><c>IScalarValue</c>.</summary>
    public INamedTypeSymbol? ScalarValueInterface { get; }

    /// <summary>The non-generic <c>IHelmValues</c> every values record implements.</summary>
    public INamedTypeSymbol? HelmValuesInterface { get; }

    /// <summary><c>IInfraModel</c>.</summary>
    public INamedTypeSymbol? InfraModelInterface { get; }

    /// <summary><c>[Flags]</c>.</summary>
    public INamedTypeSymbol? FlagsAttribute { get; }

    /// <summary>The symbols of <paramref name="compilation"/>, resolved on first use.</summary>
    public static KnownTypeSymbols For(Compilation compilation) => PerCompilation.GetValue(compilation, static c => new KnownTypeSymbols(c));

    /// <summary>Whether <paramref name="definition"/> (an unbound generic type) is a list a values property may be.</summary>
    public bool IsList(INamedTypeSymbol definition) => _listDefinitions.Contains(definition);

    /// <summary>Whether <paramref name="definition"/> (an unbound generic type) is a dictionary a values property may be.</summary>
    public bool IsDictionary(INamedTypeSymbol definition) => _dictionaryDefinitions.Contains(definition);

    /// <summary>The application of <paramref name="attribute"/> on <paramref name="symbol"/>, or null.</summary>
    public static AttributeData? Attribute(ISymbol symbol, INamedTypeSymbol? attribute) =>
        attribute is null ? null : symbol.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute));

    /// <summary>Whether <paramref name="symbol"/> carries <paramref name="attribute"/>.</summary>
    public static bool Has(ISymbol symbol, INamedTypeSymbol? attribute) => Attribute(symbol, attribute) is not null;

    /// <summary>Whether <paramref name="type"/> implements <paramref name="interface"/>.</summary>
    public static bool Implements(ITypeSymbol type, INamedTypeSymbol? @interface) =>
        @interface is not null && type.AllInterfaces.Contains(@interface, SymbolEqualityComparer.Default);

    private static HashSet<INamedTypeSymbol> Definitions(params INamedTypeSymbol?[] types) =>
        new(types.Where(t => t is { TypeKind: not TypeKind.Error }).Select(t => t!), SymbolEqualityComparer.Default);
}
