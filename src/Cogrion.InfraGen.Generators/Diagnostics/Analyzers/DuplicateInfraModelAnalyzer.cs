using System.Collections.Immutable;
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
            var models = new SharedKeys(); // One key: every [InfraModel] class competes for the one model.
            AttributedTypes.Register(start, KnownNames.InfraModelAttribute, (_, type, _) => models.Add(string.Empty, type.ToDisplayString(), type.Locations[0]));
            start.RegisterCompilationEndAction(end => models.ReportShared(end, DiagnosticDescriptors.DuplicateInfraModel));
        });
    }
}
