using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cogrion.InfraGen.Generators.Diagnostics.Analyzers;

/// <summary>INFRA0004: A values property (of a root or of any record it reaches) whose type cannot be rendered to YAML.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ValuesPropertyTypeAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The diagnostic's ID.</summary>
    public const string DiagnosticId = "INFRA0004";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.ValuesPropertyType);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        ValuesRootProblems.Register(context, ValuesProblemKind.PropertyType, DiagnosticDescriptors.ValuesPropertyType);
    }
}
