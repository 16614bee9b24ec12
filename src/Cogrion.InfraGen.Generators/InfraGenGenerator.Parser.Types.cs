using System;
using System.Collections.Generic;
using System.Linq;
using Cogrion.InfraGen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cogrion.InfraGen.Generators;

public sealed partial class InfraGenGenerator
{
    internal static partial class Parser
    {
        /// <summary>What a values property may be; the end of every INFRA0004 message.</summary>
        public const string AllowedTypes =
            "string, bool, int, long, decimal, enums, IScalarValue types with [ScalarSchema] (Cpu, Memory, ImageTag), "
            + "partial values records, lists (T[], List<T>, IList<T>, IReadOnlyList<T>, IEnumerable<T>, ...), "
            + "dictionaries with string keys, and Nullable of these";

        private const int MaxTypeDepth = 8;

        private static readonly HashSet<string> ListDefinitions = new(StringComparer.Ordinal)
        {
            "System.Collections.Generic.IEnumerable<T>",
            "System.Collections.Generic.IReadOnlyList<T>",
            "System.Collections.Generic.IReadOnlyCollection<T>",
            "System.Collections.Generic.IList<T>",
            "System.Collections.Generic.ICollection<T>",
            "System.Collections.Generic.List<T>",
        };

        private static readonly HashSet<string> DictionaryDefinitions = new(StringComparer.Ordinal)
        {
            "System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>",
            "System.Collections.Generic.IDictionary<TKey, TValue>",
            "System.Collections.Generic.Dictionary<TKey, TValue>",
            "System.Collections.Generic.SortedDictionary<TKey, TValue>",
        };

        /// <summary>
        /// Why <paramref name="type"/> cannot be a values record, or null when it can: a partial, non-positional,
        /// non-generic, non-abstract record class declared at namespace level in this project, deriving from nothing.
        /// </summary>
        public static string? RecordShapeProblem(INamedTypeSymbol type)
        {
            if (!type.IsRecord)
            {
                return type.TypeKind == TypeKind.Class
                    ? "it is a class, not a record (declare it as a 'partial record')"
                    : $"it is a {Kind(type)}, not a record class (declare it as a 'partial record')";
            }

            if (type.TypeKind != TypeKind.Class)
            {
                return "it is a record struct (declare it as a 'partial record' class)";
            }

            if (type.DeclaringSyntaxReferences.Length == 0)
            {
                return $"it is declared in another assembly ({type.ContainingAssembly?.Name}); declare values records in the model project";
            }

            if (type.ContainingType is not null)
            {
                return $"it is nested in '{Display(type.ContainingType)}' (declare it at namespace level)";
            }

            if (type.IsFileLocal)
            {
                return "it is file-local (make it public or internal)";
            }

            if (type.IsGenericType)
            {
                return "it is generic";
            }

            if (type.IsAbstract)
            {
                return "it is abstract";
            }

            if (type.BaseType is { SpecialType: not SpecialType.System_Object } baseType)
            {
                return $"it derives from '{Display(baseType)}' (values records derive from nothing)";
            }

            var declarations = type.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<RecordDeclarationSyntax>().ToList();
            if (declarations.Any(d => !d.Modifiers.Any(m => m.Text == "partial")))
            {
                return "it is not partial (add the 'partial' modifier: the generator adds its writer to the record)";
            }

            if (declarations.Any(d => d.ParameterList is not null))
            {
                return "it is a positional record (declare init properties instead of constructor parameters)";
            }

            return null;
        }

        /// <summary>
        /// The property type as a <see cref="TypeRef"/>, or null with the reason it cannot be rendered (no reason for a
        /// type the compiler could not resolve: it reports that itself).
        /// <paramref name="record"/> is the values record the type leads to (directly, or as a list item or dictionary value).
        /// </summary>
        public static TypeRef? ParseType(ITypeSymbol type, NullableAnnotation annotation, out INamedTypeSymbol? record, out string? problem)
        {
            record = null;
            return ParseType(type, annotation, 0, ref record, out problem);
        }

        private static TypeRef? ParseType(ITypeSymbol type, NullableAnnotation annotation, int depth, ref INamedTypeSymbol? record, out string? problem)
        {
            problem = null;
            if (depth > MaxTypeDepth)
            {
                problem = $"collections are nested more than {MaxTypeDepth} deep";
                return null;
            }

            var nullable = annotation == NullableAnnotation.Annotated;
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } n)
            {
                type = n.TypeArguments[0];
                nullable = true;
            }

            if (type.TypeKind == TypeKind.Error)
            {
                return null; // The compiler reports the unknown type; a second error on it would only add noise.
            }

            type = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated); // Nullability is in the flag; names read plain.
            var name = FullName(type);
            TypeRef Simple(ValueKind kind) => new(kind, name, nullable, type.IsValueType, null, EquatableArray<string>.Empty, null, null);

            switch (type.SpecialType)
            {
                case SpecialType.System_String:
                    return Simple(ValueKind.String);
                case SpecialType.System_Boolean:
                    return Simple(ValueKind.Boolean);
                case SpecialType.System_Int32:
                    return Simple(ValueKind.Int32);
                case SpecialType.System_Int64:
                    return Simple(ValueKind.Int64);
                case SpecialType.System_Decimal:
                    return Simple(ValueKind.Decimal);
                case SpecialType.System_Single:
                case SpecialType.System_Double:
                    problem = $"'{Display(type)}' does not round-trip through YAML exactly (use decimal)";
                    return null;
                case SpecialType.System_SByte:
                case SpecialType.System_Byte:
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_UInt32:
                case SpecialType.System_UInt64:
                case SpecialType.System_Char:
                    problem = $"'{Display(type)}' is not supported (use int, long or string)";
                    return null;
                case SpecialType.System_Object:
                    problem = "an untyped value has no schema";
                    return null;
            }

            if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
            {
                if (HasAttribute(enumType, "System.FlagsAttribute"))
                {
                    problem = $"'{Display(type)}' is a [Flags] enum, whose combined values have no single YAML name";
                    return null;
                }

                // One name per value: aliases would make the writer's switch ambiguous.
                var members = enumType.GetMembers().OfType<IFieldSymbol>()
                    .Where(f => f.HasConstantValue)
                    .GroupBy(f => f.ConstantValue)
                    .Select(g => g.First().Name);
                return Simple(ValueKind.Enum) with { EnumMembers = members.ToEquatableArray() };
            }

            var scalarSchema = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownNames.ScalarSchemaAttribute);
            var isScalar = type.AllInterfaces.Any(i => i.ToDisplayString() == KnownNames.ScalarValueInterface);
            if (scalarSchema is not null && isScalar)
            {
                return Simple(ValueKind.Scalar) with
                {
                    Pattern = scalarSchema.ConstructorArguments.FirstOrDefault().Value as string,
                    Description = scalarSchema.NamedArguments.FirstOrDefault(a => a.Key == "Description").Value.Value as string,
                };
            }

            if (isScalar || scalarSchema is not null)
            {
                problem = isScalar
                    ? $"'{Display(type)}' implements IScalarValue but has no [ScalarSchema] to describe it in the schema"
                    : $"'{Display(type)}' has [ScalarSchema] but does not implement IScalarValue, which renders it";
                return null;
            }

            if (type is IArrayTypeSymbol array)
            {
                if (array.Rank != 1)
                {
                    problem = "a multi-dimensional array has no YAML form (use an array of arrays)";
                    return null;
                }

                var element = ParseType(array.ElementType, array.ElementNullableAnnotation, depth + 1, ref record, out problem);
                return element is null ? null : Simple(ValueKind.List) with { Element = element };
            }

            if (type is INamedTypeSymbol { IsGenericType: true } generic)
            {
                var definition = generic.OriginalDefinition.ToDisplayString();
                if (ListDefinitions.Contains(definition))
                {
                    var element = ParseType(generic.TypeArguments[0], generic.TypeArgumentNullableAnnotations[0], depth + 1, ref record, out problem);
                    return element is null ? null : Simple(ValueKind.List) with { Element = element };
                }

                if (DictionaryDefinitions.Contains(definition))
                {
                    if (generic.TypeArguments[0].SpecialType != SpecialType.System_String)
                    {
                        problem = "dictionary keys must be strings (YAML map keys)";
                        return null;
                    }

                    var element = ParseType(generic.TypeArguments[1], generic.TypeArgumentNullableAnnotations[1], depth + 1, ref record, out problem);
                    return element is null ? null : Simple(ValueKind.Dictionary) with { Element = element };
                }
            }

            if (type is INamedTypeSymbol { IsRecord: true, TypeKind: TypeKind.Class } candidate)
            {
                if (RecordShapeProblem(candidate) is { } shape)
                {
                    problem = $"'{Display(type)}' is a record, but {shape}";
                    return null;
                }

                record = candidate;
                return Simple(ValueKind.Record);
            }

            problem = type.TypeKind switch
            {
                TypeKind.TypeParameter => "a type parameter has no schema",
                TypeKind.Dynamic => "an untyped value has no schema",
                _ when type.AllInterfaces.Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T) =>
                    $"'{Display(type)}' is not one of the supported collections",
                _ => $"'{Display(type)}' is a {Kind(type)}, not a partial values record",
            };
            return null;
        }

        private static string Kind(ITypeSymbol type) => type.TypeKind switch
        {
            TypeKind.Struct => type.IsRecord ? "record struct" : "struct",
            TypeKind.Interface => "interface",
            TypeKind.Delegate => "delegate",
            TypeKind.Enum => "enum",
            TypeKind.Array => "array",
            _ => type.IsRecord ? "record" : "class",
        };
    }
}
