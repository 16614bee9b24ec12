using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cogrion.InfraGen.Generators.Diagnostics.Analyzers;

/// <summary>INFRA0005: two <c>[HelmValues]</c> records name the same chart; each is reported, naming the others.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DuplicateChartAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The diagnostic's ID.</summary>
    public const string DiagnosticId = "INFRA0005";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.DuplicateChart);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var charts = new SharedKeys();
            AttributedTypes.Register(start, KnownNames.HelmValuesAttribute, (symbolContext, type, attribute) =>
            {
                if (InfraGenGenerator.Parser.ChartName(attribute) is { } chart)
                {
                    var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(symbolContext.CancellationToken) as AttributeSyntax;
                    charts.Add(chart, type.ToDisplayString(), syntax?.GetLocation() ?? type.Locations[0]);
                }
            });
            start.RegisterCompilationEndAction(end => charts.ReportShared(end, DiagnosticDescriptors.DuplicateChart));
        });
    }
}
