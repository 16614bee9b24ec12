using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cogrion.InfraGen.Generators.Diagnostics.Analyzers;

/// <summary>INFRA0010: A values property whose YAML key is empty or already the key of another property of the record.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class YamlKeyAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The diagnostic's ID.</summary>
    public const string DiagnosticId = "INFRA0010";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.YamlKey);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        ValuesRootProblems.Register(context, ValuesProblemKind.YamlKey, DiagnosticDescriptors.YamlKey);
    }
}
