using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cogrion.InfraGen.Generators.Diagnostics.Analyzers;

/// <summary>
/// INFRA0012: a non-nullable values property with no initializer that is not <c>required</c>. The compiler's CS8618
/// would say it at the generated constructor in <c>obj/</c>, and suggest making it nullable, which leaves its key out
/// of the values: this says at the property what the two real choices are.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ValuesPropertyDefaultAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The diagnostic's ID.</summary>
    public const string DiagnosticId = "INFRA0012";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.ValuesPropertyDefault);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        ValuesRootProblems.Register(context, ValuesProblemKind.NoDefault, DiagnosticDescriptors.ValuesPropertyDefault);
    }
}
