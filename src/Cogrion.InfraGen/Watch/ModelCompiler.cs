using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace Cogrion.InfraGen.Watch;

/// <summary>One message of the compiler, an analyzer or a source generator, where it points.</summary>
internal sealed record CompilerMessage(string File, int Line, int Column, bool IsError, string Id, string Message)
{
    /// <summary>MSBuild's canonical form, as <c>dotnet build</c> prints it: <c>model/Estate.cs(16,9): error CS1002: ; expected</c>.</summary>
    public string Format(Func<string, string> displayPath) =>
        $"{(File.Length == 0 ? "infragen" : $"{displayPath(File)}({Line},{Column})")}: {(IsError ? "error" : "warning")} {Id}: {Message}";
}

/// <summary>What one compilation gave: the assembly and its symbols, or nothing when it has errors; and every message.</summary>
internal sealed record CompileResult(byte[]? Assembly, byte[]? Symbols, IReadOnlyList<CompilerMessage> Messages)
{
    public bool Succeeded => Assembly is not null;
}

/// <summary>
/// The model project's compilation, kept warm between saves: parsed files, loaded references, analyzers and the
/// source generator driver stay in memory, so a save recompiles one file's syntax tree and lets the incremental
/// generators reuse what did not change. Built from the build's own compiler command line (<see cref="CompileCommand"/>),
/// with every analyzer and generator the build runs, so it accepts and refuses what <c>dotnet build</c> does.
/// </summary>
internal sealed class ModelCompiler
{
    private readonly CSharpCommandLineArguments _arguments;
    // Reference types only in fields: loading this class must not load the compiler's assemblies (SdkCompiler.Use first).
    private readonly DiagnosticAnalyzer[] _analyzers;
    private readonly AnalyzerOptions _analyzerOptions;
    private readonly Dictionary<string, SyntaxTree> _trees = new(StringComparer.Ordinal);
    private CSharpCompilation _compilation;
    private GeneratorDriver _driver;

    private ModelCompiler(CompileCommand command)
    {
        _arguments = CSharpCommandLineParser.Default.Parse(command.Arguments, command.BaseDirectory, sdkDirectory: null);
        var configs = AnalyzerConfigs.Read(_arguments.AnalyzerConfigPaths);
        var loader = new AnalyzerAssemblies();
        foreach (var analyzer in _arguments.AnalyzerReferences)
        {
            loader.AddDependencyLocation(analyzer.FilePath);
        }

        var references = _arguments.AnalyzerReferences.Select(a => new AnalyzerFileReference(Path.GetFullPath(a.FilePath, command.BaseDirectory), loader)).ToList();
        var analyzers = references.SelectMany(r => r.GetAnalyzers(LanguageNames.CSharp));
        var additional = _arguments.AdditionalFiles.Select(f => (AdditionalText)new AdditionalFile(f.Path)).ToImmutableArray();
        _analyzerOptions = new AnalyzerOptions(additional, configs.Options);
        _driver = CSharpGeneratorDriver.Create(
            [.. references.SelectMany(r => r.GetGenerators(LanguageNames.CSharp))],
            additional,
            _arguments.ParseOptions,
            configs.Options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

        foreach (var source in _arguments.SourceFiles)
        {
            _trees[source.Path] = Parse(source.Path);
        }

        var options = _arguments.CompilationOptions
            .WithSourceReferenceResolver(new SourceFileResolver([], _arguments.BaseDirectory, _arguments.PathMap))
            .WithXmlReferenceResolver(new XmlFileResolver(_arguments.BaseDirectory))
            .WithMetadataReferenceResolver(null)
            .WithAssemblyIdentityComparer(DesktopAssemblyIdentityComparer.Default)
            .WithStrongNameProvider(new DesktopStrongNameProvider(_arguments.KeyFileSearchPaths))
            .WithSyntaxTreeOptionsProvider(configs.Severities);
        var metadata = _arguments.MetadataReferences
            .Select(r => (MetadataReference)MetadataReference.CreateFromFile(Path.GetFullPath(r.Reference, command.BaseDirectory), r.Properties));
        _compilation = CSharpCompilation.Create(_arguments.CompilationName, _trees.Values, metadata, options);
        _analyzers = [.. BuildBreakingAnalyzers.Select(analyzers, options, configs.Set, _trees.Keys)];
    }

    /// <summary>The C# files the compilation holds, full paths.</summary>
    public IReadOnlyCollection<string> SourceFiles => _trees.Keys;

    /// <summary>Reads the project's command line and parses every file (the first compile also warms the compiler up).</summary>
    public static ModelCompiler Create(CompileCommand command) => new(command);

    /// <summary>
    /// Parses again the files of <paramref name="changed"/> that the compilation holds and whose text changed, then
    /// compiles. Errors (the compiler's, an analyzer's, a generator's) leave <see cref="CompileResult.Assembly"/> null.
    /// </summary>
    public CompileResult Compile(IEnumerable<string> changed)
    {
        foreach (var path in changed)
        {
            if (_trees.TryGetValue(path, out var old) && File.Exists(path))
            {
                var tree = Parse(path);
                if (!tree.GetText().ContentEquals(old.GetText()))
                {
                    _compilation = _compilation.ReplaceSyntaxTree(old, tree);
                    _trees[path] = tree;
                }
            }
        }

        _driver = _driver.RunGeneratorsAndUpdateCompilation(_compilation, out var compilation, out var generatorMessages);
        var messages = new List<CompilerMessage>();
        Add(messages, generatorMessages);

        // The compiler's diagnostics and the analyzers' in one pass, with the suppressors applied to both, on a second
        // core while this one emits: each binds every method body, and neither needs the other's result to start.
        var analysis = Task.Run(() => compilation.WithAnalyzers([.. _analyzers], _analyzerOptions).GetAllDiagnosticsAsync());
        using var assembly = new MemoryStream();
        using var symbols = new MemoryStream(); // So an exception in a values function names its line (INFRA1004).
        using var documentation = _arguments.DocumentationPath is null ? null : new MemoryStream();
        var emitted = compilation.Emit(
            assembly,
            symbols,
            documentation,
            options: _arguments.EmitOptions.WithDebugInformationFormat(DebugInformationFormat.PortablePdb));
        Add(messages, analysis.GetAwaiter().GetResult());
        if (!emitted.Success && !messages.Any(m => m.IsError))
        {
            Add(messages, emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        }

        return emitted.Success && !messages.Any(m => m.IsError)
            ? new CompileResult(assembly.ToArray(), symbols.ToArray(), messages)
            : new CompileResult(null, null, messages);
    }

    private SyntaxTree Parse(string path)
    {
        using var stream = File.OpenRead(path);
        var text = SourceText.From(stream, _arguments.Encoding, _arguments.ChecksumAlgorithm);
        return CSharpSyntaxTree.ParseText(text, _arguments.ParseOptions, path);
    }

    /// <summary>Errors and warnings, as the build prints them; the same message at the same place once.</summary>
    private static void Add(List<CompilerMessage> messages, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning && !d.IsSuppressed))
        {
            var span = diagnostic.Location.GetMappedLineSpan();
            var message = new CompilerMessage(
                span.IsValid ? span.Path : string.Empty,
                span.StartLinePosition.Line + 1,
                span.StartLinePosition.Character + 1,
                diagnostic.Severity == DiagnosticSeverity.Error,
                diagnostic.Id,
                diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            if (!messages.Contains(message))
            {
                messages.Add(message);
            }
        }
    }

    /// <summary>An additional file (<c>/additionalfile:</c>) read from disk when a generator or analyzer asks.</summary>
    private sealed class AdditionalFile(string path) : AdditionalText
    {
        public override string Path => path;

        public override SourceText? GetText(CancellationToken cancellationToken = default) =>
            File.Exists(path) ? SourceText.From(File.ReadAllText(path)) : null;
    }
}
