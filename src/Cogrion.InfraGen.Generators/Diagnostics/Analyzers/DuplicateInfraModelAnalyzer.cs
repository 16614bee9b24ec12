using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cogrion.InfraGen.Generators.Diagnostics.Analyzers;

/// <summary>INFRA0008: more than one <c>[InfraModel]</c> class in a project; each is reported, naming the others.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DuplicateInfraModelAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The diagnostic's ID.</summary>
    public const string DiagnosticId = "INFRA0008";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.DuplicateInfraModel);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var attribute = start.Compilation.GetTypeByMetadataName(KnownNames.InfraModelAttribute);
            if (attribute is null)
            {
                return;
            }

            var models = new ConcurrentBag<(string Type, Location Location)>();
            start.RegisterSymbolAction(
                symbolContext =>
                {
                    if (symbolContext.Symbol.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute)))
                    {
                        models.Add((symbolContext.Symbol.ToDisplayString(), symbolContext.Symbol.Locations[0]));
                    }
                },
                SymbolKind.NamedType);
            start.RegisterCompilationEndAction(end =>
            {
                if (models.Count < 2)
                {
                    return;
                }

                var types = models.Select(m => m.Type).OrderBy(t => t, StringComparer.Ordinal).ToList();
                foreach (var model in models)
                {
                    var others = string.Join("', '", types.Where(t => t != model.Type));
                    end.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateInfraModel, model.Location, model.Type, others));
                }
            });
        });
    }
}
