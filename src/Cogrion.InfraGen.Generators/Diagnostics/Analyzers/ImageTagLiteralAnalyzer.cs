using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Cogrion.InfraGen.Generators.Diagnostics.Analyzers;

/// <summary>INFRA0001: a constant given to <c>ImageTag.Parse</c>/<c>TryParse</c> that is <c>latest</c>, empty, or not <c>sha-&lt;7..40 hex&gt;</c>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ImageTagLiteralAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The diagnostic's ID.</summary>
    public const string DiagnosticId = "INFRA0001";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.ImageTagLiteral);

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
                    var invocation = (IInvocationOperation)operationContext.Operation;
                    if (invocation.TargetMethod.Name is not ("Parse" or "TryParse")
                        || !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, imageTag))
                    {
                        return;
                    }

                    foreach (var argument in invocation.Arguments)
                    {
                        if (argument.Parameter?.Type.SpecialType == SpecialType.System_String
                            && argument.Value.ConstantValue is { HasValue: true } constant
                            && ImageTagRule.Problem(constant.Value as string) is { } problem)
                        {
                            operationContext.ReportDiagnostic(Diagnostic.Create(
                                DiagnosticDescriptors.ImageTagLiteral, argument.Value.Syntax.GetLocation(), constant.Value as string ?? string.Empty, problem));
                        }
                    }
                },
                OperationKind.Invocation);
        });
    }
}
