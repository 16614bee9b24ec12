using System.Collections.Generic;
using System.Linq;
using Cogrion.InfraGen.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Cogrion.InfraGen.Generators;

public sealed partial class InfraGenGenerator
{
    internal static partial class Parser
    {
        /// <summary>An <c>[InfraModel]</c> class as the catalog needs it.</summary>
        public static InfraModelSpec ParseModelClass(INamedTypeSymbol type, KnownTypeSymbols known) =>
            new(FullName(type), InfraModelProblem(type, known) is null);

        /// <summary>
        /// Why the generated catalog cannot create <paramref name="type"/> with <c>new T()</c> and use it as the
        /// model, or null when it can (INFRA0009).
        /// </summary>
        public static string? InfraModelProblem(INamedTypeSymbol type, KnownTypeSymbols known)
        {
            if (type.IsStatic)
            {
                return "it is static (make it a class that implements IInfraModel)";
            }

            if (type.IsAbstract)
            {
                return "it is abstract";
            }

            if (type.IsGenericType)
            {
                return "it is generic";
            }

            if (!KnownTypeSymbols.Implements(type, known.InfraModelInterface))
            {
                return "it does not implement IInfraModel (add ': IInfraModel' and its Define() method)";
            }

            if (!type.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.DeclaredAccessibility == Accessibility.Public))
            {
                return "it has no public parameterless constructor";
            }

            if (type.IsFileLocal || Enclosing(type).Any(t => t.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected))
            {
                return "it is not visible to the generated catalog (make it public or internal)";
            }

            return null;
        }

        private static IEnumerable<INamedTypeSymbol> Enclosing(INamedTypeSymbol type)
        {
            for (var t = type; t is not null; t = t.ContainingType)
            {
                yield return t;
            }
        }
    }
}
