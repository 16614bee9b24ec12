using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cogrion.InfraGen.Generators.Tests.Support;

/// <summary>The generator run in process over a compilation, as the compiler runs it, with every stage tracked.</summary>
public sealed class GeneratorRun
{
    private GeneratorRun(GeneratorDriver driver, Compilation output, GeneratorDriverRunResult result)
    {
        Driver = driver;
        Output = output;
        Result = result;
    }

    /// <summary>The driver after the run; run it again on an edited compilation to test caching.</summary>
    public GeneratorDriver Driver { get; }

    /// <summary>The input compilation plus the generated sources.</summary>
    public Compilation Output { get; }

    public GeneratorDriverRunResult Result { get; }

    /// <summary>Every analyzer of the generator assembly: what the IDE and <c>dotnet build</c> run.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } =
    [
        .. typeof(InfraGenGenerator).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!),
    ];

    /// <summary>Generated sources by hint name.</summary>
    public IReadOnlyDictionary<string, string> Sources =>
        Result.Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);

    public static GeneratorRun Start(Compilation compilation) => Continue(NewDriver(), compilation);

    /// <summary>Runs <paramref name="driver"/> (from an earlier run) on <paramref name="compilation"/>.</summary>
    public static GeneratorRun Continue(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return new GeneratorRun(driver, output, driver.GetRunResult());
    }

    public static GeneratorDriver NewDriver() => CSharpGeneratorDriver.Create(
        [new InfraGenGenerator().AsSourceGenerator()],
        parseOptions: TestCompilation.ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Compiler errors and warnings of the generated program (the generated code must compile cleanly).</summary>
    public IReadOnlyList<Diagnostic> CompilerProblems() =>
        Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    /// <summary>What the analyzers report on the generated program, in source order.</summary>
    public IReadOnlyList<Diagnostic> AnalyzerDiagnostics() =>
        Output.WithAnalyzers(Analyzers).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult()
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
}
