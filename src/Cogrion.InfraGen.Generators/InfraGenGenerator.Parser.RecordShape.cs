using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cogrion.InfraGen.Generators;

public sealed partial class InfraGenGenerator
{
    internal static partial class Parser
    {
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

        /// <summary>What kind of type <paramref name="type"/> is, as a message says it.</summary>
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
