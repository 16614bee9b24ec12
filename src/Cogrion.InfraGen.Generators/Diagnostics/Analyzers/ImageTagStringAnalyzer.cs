using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Cogrion.InfraGen.Generators.Diagnostics.Analyzers;

/// <summary>
/// INFRA0011: a string given where an <c>ImageTag</c> goes (<c>Tag = "latest"</c>). The compiler already refuses it
/// (CS0029, "cannot convert string to ImageTag"), with no hint of why there is no conversion: this says where tags
/// come from instead.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ImageTagStringAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The diagnostic's ID.</summary>
    public const string DiagnosticId = "INFRA0011";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.ImageTagString);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var imageTag = start.Compilation.GetTypeByMetadataName(KnownNames.ImageTag);
            if (imageTag is null)
            {
                return;
            }

            start.RegisterOperationAction(
                operationContext =>
                {
                    // The compiler's failed conversion: the operation stays in the tree, with a conversion that does not exist.
                    var conversion = (IConversionOperation)operationContext.Operation;
                    if (conversion.Conversion.Exists
                        || conversion.Operand.Type?.SpecialType != SpecialType.System_String
                        || !IsImageTag(conversion.Type, imageTag))
                    {
                        return;
                    }

                    var operand = conversion.Operand;
                    var shown = operand.ConstantValue is { HasValue: true, Value: string text } ? "\"" + text + "\"" : operand.Syntax.ToString();
                    var problem = operand.ConstantValue is { HasValue: true, Value: var value } && ImageTagRule.Problem(value as string) is { } why
                        ? " (and it is not a tag InfraGen deploys: " + why + ")"
                        : string.Empty;
                    operationContext.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ImageTagString, operand.Syntax.GetLocation(), shown, problem));
                },
                OperationKind.Conversion);
        });
    }

    private static bool IsImageTag(ITypeSymbol? type, INamedTypeSymbol imageTag) =>
        SymbolEqualityComparer.Default.Equals(type, imageTag)
        || (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            && SymbolEqualityComparer.Default.Equals(nullable.TypeArguments[0], imageTag));
}
