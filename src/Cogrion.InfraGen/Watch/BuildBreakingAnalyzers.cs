using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cogrion.InfraGen.Watch;

/// <summary>
/// The analyzers whose diagnostics the build prints: those that can report a warning or an error under the project's
/// configuration (its analysis level's global config, editorconfig, <c>/nowarn</c>, <c>/warnaserror</c>). The SDK adds
/// some 250 analyzers to every project, and most rules of an analysis level are suggestions an IDE shows and a build
/// does not; running those on every save would cost more than the compiling. Suppressors always run.
/// </summary>
/// <remarks>
/// Conservative: an analyzer stays when any of its rules is a warning or an error anywhere (the compiler options, the
/// global config, any file's section, a category or all-rules setting), or has no setting at all and defaults to one.
/// </remarks>
internal static class BuildBreakingAnalyzers
{
    public static ImmutableArray<DiagnosticAnalyzer> Select(
        IEnumerable<DiagnosticAnalyzer> analyzers, CompilationOptions options, AnalyzerConfigSet configs, IEnumerable<string> files)
    {
        var results = files.Select(configs.GetOptionsForSourcePath).Append(configs.GlobalConfigOptions).ToList();
        return [.. analyzers.Where(a => a is DiagnosticSuppressor || a.SupportedDiagnostics.Any(d => CanWarn(d, options, results)))];
    }

    private static bool CanWarn(DiagnosticDescriptor rule, CompilationOptions options, IReadOnlyList<AnalyzerConfigOptionsResult> configs)
    {
        var settings = new List<ReportDiagnostic>();
        if (options.SpecificDiagnosticOptions.TryGetValue(rule.Id, out var specific))
        {
            settings.Add(specific);
        }

        foreach (var config in configs)
        {
            if (config.TreeOptions.TryGetValue(rule.Id, out var severity))
            {
                settings.Add(severity);
            }

            // Bulk settings (an analysis mode's): `dotnet_analyzer_diagnostic.category-Performance.severity`, and all rules.
            foreach (var key in new[] { $"dotnet_analyzer_diagnostic.category-{rule.Category}.severity", "dotnet_analyzer_diagnostic.severity" })
            {
                if (config.AnalyzerOptions.TryGetValue(key, out var bulk))
                {
                    settings.Add(bulk is "error" ? ReportDiagnostic.Error : bulk is "warning" ? ReportDiagnostic.Warn : ReportDiagnostic.Info);
                }
            }
        }

        return settings.Count == 0
            ? rule.IsEnabledByDefault && rule.DefaultSeverity >= DiagnosticSeverity.Warning
            : settings.Any(s => s is ReportDiagnostic.Error or ReportDiagnostic.Warn)
              || (settings.Contains(ReportDiagnostic.Default) && rule.IsEnabledByDefault && rule.DefaultSeverity >= DiagnosticSeverity.Warning);
    }
}
