using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cogrion.InfraGen.Generators.Diagnostics.Analyzers;

/// <summary>INFRA0003: A [HelmValues] type that is not a partial, non-positional record class at namespace level.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ValuesRecordShapeAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The diagnostic's ID.</summary>
    public const string DiagnosticId = "INFRA0003";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.ValuesRecordShape);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        ValuesRootProblems.Register(context, ValuesProblemKind.RecordShape, DiagnosticDescriptors.ValuesRecordShape);
    }
}
