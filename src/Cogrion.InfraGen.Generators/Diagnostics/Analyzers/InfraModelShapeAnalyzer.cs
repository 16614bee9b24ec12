using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cogrion.InfraGen.Generators.Diagnostics.Analyzers;

/// <summary>
/// INFRA0009: an <c>[InfraModel]</c> class the generated catalog cannot create: not an <c>IInfraModel</c>, no public
/// parameterless constructor, static, abstract, generic or hidden.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InfraModelShapeAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The diagnostic's ID.</summary>
    public const string DiagnosticId = "INFRA0009";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.InfraModelShape);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var known = KnownTypeSymbols.For(start.Compilation);
            AttributedTypes.Register(start, KnownNames.InfraModelAttribute, (symbolContext, type, _) =>
            {
                if (InfraGenGenerator.Parser.InfraModelProblem(type, known) is { } problem)
                {
                    symbolContext.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InfraModelShape, type.Locations[0], type.ToDisplayString(), problem));
                }
            });
        });
    }
}
