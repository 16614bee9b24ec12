using System.Collections.Immutable;
using Cogrion.InfraGen.Hosting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Cogrion.InfraGen.Generators.Tests.Support;

/// <summary>
/// Compilations of test models, built from .NET 10 reference assemblies and the vocabulary (no network, no build).
/// Files get fixed, machine-independent paths (<c>/model/…</c>), so the paths the generator embeds are stable.
/// </summary>
public static class TestCompilation
{
    /// <summary>Parse options of a model project: latest C#, doc comments parsed (they become schema descriptions).</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Parse);

    // The usings a model project gets from the SDK's implicit usings and Cogrion.InfraGen.props.
    private const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.Linq;
        global using Cogrion.InfraGen;
        """;

    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        MetadataReference.CreateFromFile(typeof(HelmValuesAttribute).Assembly.Location),
    ];

    private static readonly MetadataReference Host = MetadataReference.CreateFromFile(typeof(InfraGenHost).Assembly.Location);

    /// <summary>A model project of <paramref name="files"/> (path, source); an executable with the pipeline host, as <c>model/</c> is.</summary>
    public static CSharpCompilation Create(IEnumerable<(string Path, string Source)> files, bool executable = true) =>
        CSharpCompilation.Create(
            "TestModel",
            [Parse("/model/GlobalUsings.cs", GlobalUsings), .. files.Select(f => Parse(f.Path, f.Source))],
            executable ? [.. References, Host] : References,
            new CSharpCompilationOptions(
                executable ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                deterministic: true));

    /// <summary>A one-file model.</summary>
    public static CSharpCompilation Create(string source, bool executable = true) => Create([("/model/Model.cs", source)], executable);

    public static SyntaxTree Parse(string path, string source) => CSharpSyntaxTree.ParseText(source, ParseOptions, path);
}
