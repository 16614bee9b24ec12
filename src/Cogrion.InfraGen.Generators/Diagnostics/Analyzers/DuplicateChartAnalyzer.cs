using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
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
            var attribute = start.Compilation.GetTypeByMetadataName(KnownNames.HelmValuesAttribute);
            if (attribute is null)
            {
                return;
            }

            var roots = new ConcurrentBag<(string Chart, string Type, Location Location)>();
            start.RegisterSymbolAction(
                symbolContext =>
                {
                    var data = symbolContext.Symbol.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute));
                    if (data is not null && InfraGenGenerator.Parser.ChartName(data) is { } chart)
                    {
                        var location = (data.ApplicationSyntaxReference?.GetSyntax(symbolContext.CancellationToken) as AttributeSyntax)?.GetLocation()
                            ?? symbolContext.Symbol.Locations[0];
                        roots.Add((chart, symbolContext.Symbol.ToDisplayString(), location));
                    }
                },
                SymbolKind.NamedType);
            start.RegisterCompilationEndAction(end =>
            {
                foreach (var chart in roots.GroupBy(r => r.Chart, StringComparer.Ordinal).Where(g => g.Count() > 1))
                {
                    var types = chart.Select(r => r.Type).OrderBy(t => t, StringComparer.Ordinal).ToList();
                    foreach (var root in chart)
                    {
                        var others = string.Join("', '", types.Where(t => t != root.Type));
                        end.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateChart, root.Location, chart.Key, root.Type, others));
                    }
                }
            });
        });
    }
}
