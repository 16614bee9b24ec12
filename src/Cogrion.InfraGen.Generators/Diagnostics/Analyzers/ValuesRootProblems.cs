using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cogrion.InfraGen.Generators.Diagnostics.Analyzers;

/// <summary>
/// Runs the generator's own walk over every <c>[HelmValues]</c> root and reports the problems of one kind,
/// each once even when several roots reach the same record (a shared GlobalValues).
/// </summary>
internal static class ValuesRootProblems
{
    public static void Register(AnalysisContext context, ValuesProblemKind kind, DiagnosticDescriptor descriptor)
    {
        context.RegisterCompilationStartAction(start =>
        {
            var attribute = start.Compilation.GetTypeByMetadataName(KnownNames.HelmValuesAttribute);
            if (attribute is null)
            {
                return;
            }

            var reported = new ConcurrentDictionary<ISymbol, byte>(SymbolEqualityComparer.Default);
            start.RegisterSymbolAction(
                symbolContext =>
                {
                    var type = (INamedTypeSymbol)symbolContext.Symbol;
                    var data = type.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute));
                    if (data is null)
                    {
                        return;
                    }

                    var problems = new List<ValuesProblem>();
                    InfraGenGenerator.Parser.ReadRoot(
                        type, InfraGenGenerator.Parser.ChartName(data) ?? string.Empty, compilation: null, problems, symbolContext.CancellationToken);
                    foreach (var problem in problems)
                    {
                        if (problem.Kind == kind && reported.TryAdd(problem.Symbol, 0))
                        {
                            symbolContext.ReportDiagnostic(Diagnostic.Create(descriptor, problem.Location, problem.MessageArgs));
                        }
                    }
                },
                SymbolKind.NamedType);
        });
    }
}
