using System.Collections.Concurrent;
using System.Collections.Generic;
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
            var reported = new ConcurrentDictionary<ISymbol, byte>(SymbolEqualityComparer.Default);
            AttributedTypes.Register(start, KnownNames.HelmValuesAttribute, (symbolContext, type, attribute) =>
            {
                var problems = new List<ValuesProblem>();
                InfraGenGenerator.Parser.ReadRoot(
                    type, InfraGenGenerator.Parser.ChartName(attribute) ?? string.Empty, start.Compilation, problems, readDocs: false, symbolContext.CancellationToken);
                foreach (var problem in problems)
                {
                    if (problem.Kind == kind && reported.TryAdd(problem.Symbol, 0))
                    {
                        symbolContext.ReportDiagnostic(Diagnostic.Create(descriptor, problem.Location, problem.MessageArgs));
                    }
                }
            });
        });
    }
}
