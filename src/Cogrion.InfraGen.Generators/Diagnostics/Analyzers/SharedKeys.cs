using System;
using System.Collections.Concurrent;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cogrion.InfraGen.Generators.Diagnostics.Analyzers;

/// <summary>
/// Declarations collected by a key (a chart name) during a compilation; at its end, each declaration whose key
/// another one shares is reported, naming the others. Only the whole compilation can tell, hence a compilation-end rule.
/// </summary>
internal sealed class SharedKeys
{
    private readonly ConcurrentBag<(string Key, string Name, Location Location)> _declarations = [];

    public void Add(string key, string name, Location location) => _declarations.Add((key, name, location));

    /// <summary>Reports <paramref name="descriptor"/> with arguments (key, name, the others' names joined by <c>', '</c>).</summary>
    public void ReportShared(CompilationAnalysisContext end, DiagnosticDescriptor descriptor)
    {
        foreach (var group in _declarations.GroupBy(d => d.Key, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var names = group.Select(d => d.Name).OrderBy(n => n, StringComparer.Ordinal).ToList();
            foreach (var declaration in group)
            {
                var others = string.Join("', '", names.Where(n => n != declaration.Name));
                end.ReportDiagnostic(Diagnostic.Create(descriptor, declaration.Location, group.Key, declaration.Name, others));
            }
        }
    }
}
