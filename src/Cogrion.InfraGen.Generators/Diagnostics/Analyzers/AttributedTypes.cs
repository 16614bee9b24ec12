using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cogrion.InfraGen.Generators.Diagnostics.Analyzers;

/// <summary>The types of a compilation that carry one of the vocabulary's attributes (<c>[HelmValues]</c>, <c>[InfraModel]</c>).</summary>
internal static class AttributedTypes
{
    /// <summary>
    /// Calls <paramref name="action"/> for each type carrying the attribute <paramref name="metadataName"/>, with the
    /// attribute's data; registers nothing in a compilation that does not reference the vocabulary.
    /// </summary>
    public static void Register(
        CompilationStartAnalysisContext start, string metadataName, Action<SymbolAnalysisContext, INamedTypeSymbol, AttributeData> action)
    {
        var attribute = start.Compilation.GetTypeByMetadataName(metadataName);
        if (attribute is null)
        {
            return;
        }

        start.RegisterSymbolAction(
            context =>
            {
                var type = (INamedTypeSymbol)context.Symbol;
                var data = type.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute));
                if (data is not null)
                {
                    action(context, type, data);
                }
            },
            SymbolKind.NamedType);
    }
}
