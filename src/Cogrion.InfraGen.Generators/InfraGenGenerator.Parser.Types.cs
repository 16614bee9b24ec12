using System.Linq;
using Cogrion.InfraGen.Generators.Model;
using Microsoft.CodeAnalysis;

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

        /// <summary>
        /// The property type as a <see cref="TypeRef"/>, or null with the reason it cannot be rendered (no reason for a
        /// type the compiler could not resolve: it reports that itself).
        /// <paramref name="record"/> is the values record the type leads to (directly, or as a list item or dictionary value).
        /// </summary>
        public static TypeRef? ParseType(
            ITypeSymbol type, NullableAnnotation annotation, KnownTypeSymbols known, out INamedTypeSymbol? record, out string? problem)
        {
            var reading = new TypeReading(known);
            var parsed = reading.Read(type, annotation, depth: 0);
            record = reading.Record;
            problem = parsed is null ? reading.Problem : null;
            return parsed;
        }

        /// <summary>
        /// One property type read from the outside in: a Nullable is unwrapped, then the type is tried as each kind in
        /// turn. A kind that recognizes the type decides it (a TypeRef, or null and the reason); else it is unsupported.
        /// </summary>
        private sealed class TypeReading(KnownTypeSymbols known)
        {
            /// <summary>The values record the type leads to, if any.</summary>
            public INamedTypeSymbol? Record { get; private set; }

            /// <summary>Why the type cannot be rendered; null for an unresolved type (the compiler reports it).</summary>
            public string? Problem { get; private set; }

            public TypeRef? Read(ITypeSymbol type, NullableAnnotation annotation, int depth)
            {
                if (depth > MaxTypeDepth)
                {
                    return Fail($"collections are nested more than {MaxTypeDepth} deep");
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
                var plain = new TypeRef(default, FullName(type), nullable, type.IsValueType, null, EquatableArray<string>.Empty, null, null);
                return BuiltIn(type, plain, out var parsed)
                    || EnumType(type, plain, out parsed)
                    || ScalarType(type, plain, out parsed)
                    || CollectionType(type, plain, depth, out parsed)
                    || RecordType(type, plain, out parsed)
                    ? parsed
                    : Fail(Unsupported(type));
            }

            /// <summary>The built-in types: the five that render, and the ones that would not round-trip.</summary>
            private bool BuiltIn(ITypeSymbol type, TypeRef plain, out TypeRef? parsed)
            {
                parsed = null;
                switch (type.SpecialType)
                {
                    case SpecialType.System_String:
                        parsed = plain with { Kind = ValueKind.String };
                        return true;
                    case SpecialType.System_Boolean:
                        parsed = plain with { Kind = ValueKind.Boolean };
                        return true;
                    case SpecialType.System_Int32:
                        parsed = plain with { Kind = ValueKind.Int32 };
                        return true;
                    case SpecialType.System_Int64:
                        parsed = plain with { Kind = ValueKind.Int64 };
                        return true;
                    case SpecialType.System_Decimal:
                        parsed = plain with { Kind = ValueKind.Decimal };
                        return true;
                    case SpecialType.System_Single:
                    case SpecialType.System_Double:
                        Fail($"'{Display(type)}' does not round-trip through YAML exactly (use decimal)");
                        return true;
                    case SpecialType.System_SByte:
                    case SpecialType.System_Byte:
                    case SpecialType.System_Int16:
                    case SpecialType.System_UInt16:
                    case SpecialType.System_UInt32:
                    case SpecialType.System_UInt64:
                    case SpecialType.System_Char:
                        Fail($"'{Display(type)}' is not supported (use int, long or string)");
                        return true;
                    case SpecialType.System_Object:
                        Fail("an untyped value has no schema");
                        return true;
                    default:
                        return false;
                }
            }

            /// <summary>An enum, written by member name: one name per value, so the writer's switch is not ambiguous.</summary>
            private bool EnumType(ITypeSymbol type, TypeRef plain, out TypeRef? parsed)
            {
                parsed = null;
                if (type is not INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
                {
                    return false;
                }

                if (KnownTypeSymbols.Has(enumType, known.FlagsAttribute))
                {
                    Fail($"'{Display(type)}' is a [Flags] enum, whose combined values have no single YAML name");
                    return true;
                }

                var members = enumType.GetMembers().OfType<IFieldSymbol>()
                    .Where(f => f.HasConstantValue)
                    .GroupBy(f => f.ConstantValue)
                    .Select(g => g.First().Name);
                parsed = plain with { Kind = ValueKind.Enum, EnumMembers = members.ToEquatableArray() };
                return true;
            }

            /// <summary>An <c>IScalarValue</c> with its <c>[ScalarSchema]</c>: it renders itself and the attribute describes it.</summary>
            private bool ScalarType(ITypeSymbol type, TypeRef plain, out TypeRef? parsed)
            {
                parsed = null;
                var schema = KnownTypeSymbols.Attribute(type, known.ScalarSchemaAttribute);
                var isScalar = KnownTypeSymbols.Implements(type, known.ScalarValueInterface);
                if (schema is null && !isScalar)
                {
                    return false;
                }

                if (schema is null || !isScalar)
                {
                    Fail(isScalar
                        ? $"'{Display(type)}' implements IScalarValue but has no [ScalarSchema] to describe it in the schema"
                        : $"'{Display(type)}' has [ScalarSchema] but does not implement IScalarValue, which renders it");
                    return true;
                }

                parsed = plain with
                {
                    Kind = ValueKind.Scalar,
                    Pattern = schema.ConstructorArguments.FirstOrDefault().Value as string,
                    Description = schema.NamedArguments.FirstOrDefault(a => a.Key == "Description").Value.Value as string,
                };
                return true;
            }

            /// <summary>Arrays and the supported generic lists and string-keyed dictionaries; their items are read in turn.</summary>
            private bool CollectionType(ITypeSymbol type, TypeRef plain, int depth, out TypeRef? parsed)
            {
                parsed = null;
                if (type is IArrayTypeSymbol array)
                {
                    if (array.Rank != 1)
                    {
                        Fail("a multi-dimensional array has no YAML form (use an array of arrays)");
                        return true;
                    }

                    parsed = Items(ValueKind.List, plain, array.ElementType, array.ElementNullableAnnotation, depth);
                    return true;
                }

                if (type is not INamedTypeSymbol { IsGenericType: true } generic)
                {
                    return false;
                }

                if (known.IsList(generic.OriginalDefinition))
                {
                    parsed = Items(ValueKind.List, plain, generic.TypeArguments[0], generic.TypeArgumentNullableAnnotations[0], depth);
                    return true;
                }

                if (!known.IsDictionary(generic.OriginalDefinition))
                {
                    return false;
                }

                if (generic.TypeArguments[0].SpecialType != SpecialType.System_String)
                {
                    Fail("dictionary keys must be strings (YAML map keys)");
                    return true;
                }

                parsed = Items(ValueKind.Dictionary, plain, generic.TypeArguments[1], generic.TypeArgumentNullableAnnotations[1], depth);
                return true;
            }

            private TypeRef? Items(ValueKind kind, TypeRef plain, ITypeSymbol element, NullableAnnotation annotation, int depth) =>
                Read(element, annotation, depth + 1) is { } item ? plain with { Kind = kind, Element = item } : null;

            /// <summary>A record class: a values record when it has the shape the generator can extend.</summary>
            private bool RecordType(ITypeSymbol type, TypeRef plain, out TypeRef? parsed)
            {
                parsed = null;
                if (type is not INamedTypeSymbol { IsRecord: true, TypeKind: TypeKind.Class } candidate)
                {
                    return false;
                }

                if (RecordShapeProblem(candidate) is { } shape)
                {
                    Fail($"'{Display(type)}' is a record, but {shape}");
                    return true;
                }

                Record = candidate;
                parsed = plain with { Kind = ValueKind.Record };
                return true;
            }

            private static string Unsupported(ITypeSymbol type) => type.TypeKind switch
            {
                TypeKind.TypeParameter => "a type parameter has no schema",
                TypeKind.Dynamic => "an untyped value has no schema",
                _ when type.AllInterfaces.Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T) =>
                    $"'{Display(type)}' is not one of the supported collections",
                _ => $"'{Display(type)}' is a {Kind(type)}, not a partial values record",
            };

            private TypeRef? Fail(string problem)
            {
                Problem = problem;
                return null;
            }
        }
    }
}
