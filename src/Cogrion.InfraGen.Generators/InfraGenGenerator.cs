using System;
using System.Collections.Immutable;
using System.Linq;
using Cogrion.InfraGen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cogrion.InfraGen.Generators;

/// <summary>
/// From <c>[HelmValues]</c> records: a YAML writer, chart defaults, a values schema and property origins per record;
/// from the <c>[InfraModel]</c> class: the model catalog and the program's entry point. No file I/O: the pipeline
/// writes. What it cannot generate it leaves out silently; the analyzers in <c>Diagnostics/</c> report why.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class InfraGenGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var roots = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.HelmValuesAttribute,
                static (node, _) => node is TypeDeclarationSyntax,
                static (ctx, ct) => Parser.ParseRoot(ctx, ct))
            .WithTrackingName(TrackingNames.ParsedRoots)
            .SelectMany(static (root, _) => root is null ? ImmutableArray<ValuesRootSpec>.Empty : ImmutableArray.Create(root))
            .WithTrackingName(TrackingNames.ValuesRoots);

        // A record reached from several roots (a shared GlobalValues) is emitted once.
        var records = roots
            .SelectMany(static (root, _) => root.Records)
            .WithTrackingName(TrackingNames.ValuesRecords)
            .Collect()
            .WithTrackingName(TrackingNames.AllRecords)
            .SelectMany(static (all, _) => all
                .GroupBy(static r => r.FullName, StringComparer.Ordinal)
                .Select(static g => g.First())
                .OrderBy(static r => r.FullName, StringComparer.Ordinal)
                .ToImmutableArray())
            .WithTrackingName(TrackingNames.DistinctRecords);

        var catalogEntries = roots
            .Select(static (root, _) => new CatalogEntry(root.ChartName, root.FullName))
            .WithTrackingName(TrackingNames.CatalogEntries)
            .Collect()
            .WithTrackingName(TrackingNames.AllCatalogEntries);

        var modelClasses = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.InfraModelAttribute,
                static (node, _) => node is TypeDeclarationSyntax,
                static (ctx, _) => Parser.ParseModelClass((INamedTypeSymbol)ctx.TargetSymbol, KnownTypeSymbols.For(ctx.SemanticModel.Compilation)))
            .WithTrackingName(TrackingNames.ModelClasses)
            .Collect()
            .WithTrackingName(TrackingNames.AllModelClasses);

        var facts = context.CompilationProvider
            .Select(static (compilation, _) => new CompilationFacts(
                compilation.Options.OutputKind == OutputKind.ConsoleApplication,
                compilation.GetTypeByMetadataName(KnownNames.Host) is not null))
            .WithTrackingName(TrackingNames.CompilationFacts);

        var catalog = catalogEntries
            .Combine(modelClasses)
            .Combine(facts)
            .WithTrackingName(TrackingNames.Catalog);

        // Where each app's values are set: its own stage, so only an edit of an app declaration or of a member it uses re-emits it.
        var origins = context.SyntaxProvider
            .CreateSyntaxProvider(static (node, _) => OriginsParser.IsCandidate(node), static (ctx, ct) => OriginsParser.Parse(ctx, ct))
            .WithTrackingName(TrackingNames.ParsedAppDeclarations)
            .SelectMany(static (app, _) => app is null ? ImmutableArray<AppOriginSpec>.Empty : ImmutableArray.Create(app))
            .WithTrackingName(TrackingNames.AppOrigins)
            .Collect()
            .WithTrackingName(TrackingNames.AllAppOrigins)
            .Combine(modelClasses)
            .WithTrackingName(TrackingNames.ValueOrigins);

        context.RegisterSourceOutput(records, static (spc, record) =>
            spc.AddSource(HintName(record.FullName, "Values"), Emitter.EmitRecord(record)));

        context.RegisterSourceOutput(roots, static (spc, root) =>
            spc.AddSource(HintName(root.FullName, "HelmValues"), Emitter.EmitRoot(root)));

        context.RegisterSourceOutput(origins, static (spc, input) =>
        {
            if (OriginsEmitter.Emit(input.Left, input.Right) is { } source)
            {
                spc.AddSource("Cogrion.InfraGen.ValueOrigins.g.cs", source);
            }
        });

        context.RegisterSourceOutput(catalog, static (spc, input) =>
        {
            var ((entries, models), compilationFacts) = input;
            var source = CatalogEmitter.Emit(entries, models, compilationFacts);
            if (source is not null)
            {
                spc.AddSource("Cogrion.InfraGen.Catalog.g.cs", source);
            }
        });
    }

    private static string HintName(string fullName, string suffix) =>
        fullName.Replace("global::", string.Empty).Replace('<', '[').Replace('>', ']') + "." + suffix + ".g.cs";
}
