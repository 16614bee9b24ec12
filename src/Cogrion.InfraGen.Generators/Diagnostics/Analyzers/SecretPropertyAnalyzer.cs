using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Cogrion.InfraGen.Generators.Diagnostics.Analyzers;

/// <summary>
/// INFRA0007: a string constant given to a password, token or secret property of a values record, in an object
/// initializer, a <c>with</c> expression or the property's initializer. Values files are committed in plain text.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretPropertyAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The diagnostic's ID.</summary>
    public const string DiagnosticId = "INFRA0007";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.SecretProperty);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var known = KnownTypeSymbols.For(start.Compilation);
            if (known.HelmValuesAttribute is null || known.HelmValuesInterface is null)
            {
                return;
            }

            // A values record: a [HelmValues] root, or a record the generator made a values writer for.
            bool IsValuesRecord(INamedTypeSymbol type) =>
                KnownTypeSymbols.Implements(type, known.HelmValuesInterface) || KnownTypeSymbols.Has(type, known.HelmValuesAttribute);

            void Check(OperationAnalysisContext context, IPropertySymbol property, IOperation value)
            {
                // The output policy's rule on the same name and value (SecretRule): what the IDE flags here is what the
                // build would refuse in out/. A literal secret by its shape is INFRA0006's, at the literal.
                if (value.ConstantValue is { HasValue: true, Value: string literal }
                    && SecretRule.DescribeShape(literal) is null
                    && SecretRule.DescribeUnder(property.Name, literal) is not null
                    && IsValuesRecord(property.ContainingType))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.SecretProperty, value.Syntax.GetLocation(), property.Name, property.ContainingType.Name));
                }
            }

            start.RegisterOperationAction(
                operationContext =>
                {
                    var assignment = (ISimpleAssignmentOperation)operationContext.Operation;
                    if (assignment.Target is IPropertyReferenceOperation { Property: var property })
                    {
                        Check(operationContext, property, assignment.Value);
                    }
                },
                OperationKind.SimpleAssignment);
            start.RegisterOperationAction(
                operationContext =>
                {
                    var initializer = (IPropertyInitializerOperation)operationContext.Operation;
                    foreach (var property in initializer.InitializedProperties)
                    {
                        Check(operationContext, property, initializer.Value);
                    }
                },
                OperationKind.PropertyInitializer);
        });
    }
}
