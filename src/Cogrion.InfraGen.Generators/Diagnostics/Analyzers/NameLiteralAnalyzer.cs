using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Cogrion.InfraGen.Generators.Diagnostics.Analyzers;

/// <summary>
/// INFRA0002: a constant name that is not a DNS-1123 label: the chart of <c>[HelmValues("…")]</c>, the name of
/// <c>new Env("…", …)</c> and <c>new Region("…", …)</c> (also set in a <c>with</c>), and an app's <c>Namespace = "…"</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NameLiteralAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The diagnostic's ID.</summary>
    public const string DiagnosticId = "INFRA0002";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.NameLiteral);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var compilation = start.Compilation;

            // The names each vocabulary type takes, by parameter (and property) name.
            var named = new (INamedTypeSymbol? Type, string Parameter, string What)[]
            {
                (compilation.GetTypeByMetadataName(KnownNames.Env), "Name", "Environment name"),
                (compilation.GetTypeByMetadataName(KnownNames.Region), "Name", "Region name"),
                (compilation.GetTypeByMetadataName(KnownNames.App), "Namespace", "Namespace"),
            };

            AttributedTypes.Register(start, KnownNames.HelmValuesAttribute, CheckChartName);
            start.RegisterOperationAction(
                operationContext =>
                {
                    var creation = (IObjectCreationOperation)operationContext.Operation;
                    var type = creation.Constructor?.ContainingType.OriginalDefinition;
                    foreach (var (vocabulary, parameter, what) in named)
                    {
                        if (!SymbolEqualityComparer.Default.Equals(type, vocabulary))
                        {
                            continue;
                        }

                        foreach (var argument in creation.Arguments.Where(a => a.Parameter?.Name == parameter))
                        {
                            Check(operationContext.ReportDiagnostic, argument.Value, what);
                        }
                    }
                },
                OperationKind.ObjectCreation);
            start.RegisterOperationAction(
                operationContext =>
                {
                    // Envs.Dev with { Name = "…" }: the positional records' names are init properties too.
                    var assignment = (ISimpleAssignmentOperation)operationContext.Operation;
                    if (assignment.Target is IPropertyReferenceOperation { Property: var property })
                    {
                        foreach (var (vocabulary, parameter, what) in named)
                        {
                            if (property.Name == parameter && SymbolEqualityComparer.Default.Equals(property.ContainingType.OriginalDefinition, vocabulary))
                            {
                                Check(operationContext.ReportDiagnostic, assignment.Value, what);
                            }
                        }
                    }
                },
                OperationKind.SimpleAssignment);
        });
    }

    private static void CheckChartName(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeData attribute)
    {
        var chart = InfraGenGenerator.Parser.ChartName(attribute);
        if (!DnsLabel.IsValid(chart))
        {
            var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) as AttributeSyntax;
            var location = syntax?.ArgumentList?.Arguments.FirstOrDefault()?.Expression.GetLocation() ?? type.Locations[0];
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NameLiteral, location, "Chart name", chart ?? string.Empty, Why(chart)));
        }
    }

    private static void Check(System.Action<Diagnostic> report, IOperation value, string what)
    {
        if (value.ConstantValue is { HasValue: true } constant && !DnsLabel.IsValid(constant.Value as string))
        {
            report(Diagnostic.Create(DiagnosticDescriptors.NameLiteral, value.Syntax.GetLocation(), what, constant.Value as string ?? string.Empty, Why(constant.Value as string)));
        }
    }

    /// <summary>The rule, then what the name breaks (a 64-character name is "64 characters long, 1 more than the 63 allowed").</summary>
    private static string Why(string? name) => DnsLabel.Rule + "; " + DnsLabel.Problem(name);
}
