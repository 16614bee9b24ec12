using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Cogrion.InfraGen.Watch;

/// <summary>
/// The build's <c>.editorconfig</c> and <c>.globalconfig</c> files (<c>/analyzerconfig:</c>), applied as the compiler
/// applies them: the options source generators and analyzers read (MSBuild's <c>build_property.*</c>, say), and the
/// severity each diagnostic ID has per file. The compiler's own provider of them is not public.
/// </summary>
internal sealed class AnalyzerConfigs
{
    private readonly AnalyzerConfigSet _set;
    private readonly ConcurrentDictionary<string, AnalyzerConfigOptionsResult> _byPath = new(StringComparer.Ordinal);

    private AnalyzerConfigs(AnalyzerConfigSet set)
    {
        _set = set;
        Options = new OptionsProvider(this);
        Severities = new SeverityProvider(this);
    }

    /// <summary>The parsed files.</summary>
    public AnalyzerConfigSet Set => _set;

    /// <summary>Options for generators and analyzers.</summary>
    public AnalyzerConfigOptionsProvider Options { get; }

    /// <summary>Per-file diagnostic severities, for the compilation's options.</summary>
    public SyntaxTreeOptionsProvider Severities { get; }

    public static AnalyzerConfigs Read(IEnumerable<string> paths) =>
        new(AnalyzerConfigSet.Create(paths.Select(p => AnalyzerConfig.Parse(SourceText.From(File.ReadAllText(p)), p)).ToList()));

    private AnalyzerConfigOptionsResult For(string path) => _byPath.GetOrAdd(path, _set.GetOptionsForSourcePath);

    private sealed class OptionsProvider(AnalyzerConfigs configs) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new ConfigOptions(configs._set.GlobalConfigOptions.AnalyzerOptions);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new ConfigOptions(configs.For(tree.FilePath).AnalyzerOptions);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new ConfigOptions(configs.For(textFile.Path).AnalyzerOptions);
    }

    private sealed class ConfigOptions(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override IEnumerable<string> Keys => values.Keys;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }

    private sealed class SeverityProvider(AnalyzerConfigs configs) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) =>
            configs.For(tree.FilePath).AnalyzerOptions.TryGetValue("generated_code", out var value) && bool.TryParse(value, out var generated)
                ? generated ? GeneratedKind.MarkedGenerated : GeneratedKind.NotGenerated
                : GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            configs.For(tree.FilePath).TreeOptions.TryGetValue(diagnosticId, out severity);

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            configs._set.GlobalConfigOptions.TreeOptions.TryGetValue(diagnosticId, out severity);
    }
}
