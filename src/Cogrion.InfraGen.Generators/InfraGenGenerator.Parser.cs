using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Cogrion.InfraGen.Generators.Diagnostics;
using Cogrion.InfraGen.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Cogrion.InfraGen.Generators;

public sealed partial class InfraGenGenerator
{
    /// <summary>
    /// Symbols to specs: everything the emitters need, as equatable values (no symbols escape). The analyzers run
    /// the same walk and report its problems, so the generator leaves out exactly what they report.
    /// </summary>
    internal static partial class Parser
    {
        /// <summary>
        /// The generator's entry: the root's spec, or null when the root is not a record the generator can extend
        /// (INFRA0003). A root with properties it cannot write is still generated, without them, so that it still
        /// satisfies <c>IHelmValues&lt;T&gt;</c> and the build shows the property's own error, not CS0311 at every use.
        /// </summary>
        public static ValuesRootSpec? ParseRoot(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken) =>
            context.TargetSymbol is INamedTypeSymbol root
                ? ReadRoot(root, ChartName(context.Attributes[0]) ?? string.Empty, context.SemanticModel.Compilation, problems: null, readDocs: true, cancellationToken)
                : null;

        /// <summary>
        /// Walks a root and every record it reaches, collecting every problem in <paramref name="problems"/> when given.
        /// With <paramref name="readDocs"/> false (the analyzers) defaults and descriptions are not read.
        /// </summary>
        public static ValuesRootSpec? ReadRoot(
            INamedTypeSymbol root, string chart, Compilation compilation, List<ValuesProblem>? problems, bool readDocs, CancellationToken cancellationToken) =>
            new ValuesWalk(KnownTypeSymbols.For(compilation), readDocs ? compilation : null, problems, cancellationToken).Read(root, chart);

        /// <summary>The chart name of a <c>[HelmValues]</c> attribute.</summary>
        public static string? ChartName(AttributeData attribute) => attribute.ConstructorArguments.FirstOrDefault().Value as string;

        public static string FullName(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

        /// <summary>How a type is named in a diagnostic message.</summary>
        public static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);

        /// <summary>Public instance properties with a public getter, in declaration order (the output's key order).</summary>
        public static IEnumerable<IPropertySymbol> PublicProperties(INamedTypeSymbol type) =>
            type.GetMembers()
                .OfType<IPropertySymbol>()
                .Where(p => !p.IsStatic && !p.IsIndexer && !p.IsImplicitlyDeclared
                    && p.DeclaredAccessibility == Accessibility.Public
                    && p.GetMethod is { DeclaredAccessibility: Accessibility.Public })
                .OrderBy(p => p.Locations.FirstOrDefault()?.SourceTree?.FilePath ?? string.Empty, StringComparer.Ordinal)
                .ThenBy(p => p.Locations.FirstOrDefault()?.SourceSpan.Start ?? 0);
    }
}
