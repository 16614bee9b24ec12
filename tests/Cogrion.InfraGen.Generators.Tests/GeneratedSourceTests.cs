using System.Runtime.Loader;
using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Generators.Tests.Support;
using Cogrion.InfraGen.Tests.Support;
using Cogrion.InfraGen.Yaml;

namespace Cogrion.InfraGen.Generators.Tests;

/// <summary>What the generator writes: checked-in baselines (the set of files included), and that it compiles and runs.</summary>
public sealed class GeneratedSourceTests
{
    [Fact]
    public void The_sample_model_generates_the_baseline_sources()
    {
        var run = GeneratorRun.Start(TestCompilation.Create(SampleModel.Files));

        Baseline.AssertMatches("SampleModel", run.Sources);
    }

    [Fact]
    public void The_generated_program_compiles_without_warnings()
    {
        var run = GeneratorRun.Start(TestCompilation.Create(SampleModel.Files));

        Assert.Empty(run.CompilerProblems());
        Assert.Empty(run.Result.Diagnostics);
    }

    [Fact]
    public void A_library_of_values_records_gets_writers_but_no_catalog_or_entry_point()
    {
        var files = SampleModel.Files.Where(f => f.Path != "/model/Estate.cs");

        var run = GeneratorRun.Start(TestCompilation.Create(files, executable: false));

        Assert.Equal(
            [
                "DbValues.HelmValues.g.cs", "DbValues.Values.g.cs",
                "Sample.Route.Values.g.cs", "Sample.SharedGlobal.Values.g.cs", "Sample.Upstream.Values.g.cs",
                "Sample.WebValues.HelmValues.g.cs", "Sample.WebValues.Values.g.cs",
            ],
            run.Sources.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(run.CompilerProblems());
    }

    [Fact]
    public void The_generated_writer_uses_camel_case_keys_in_declaration_order_and_drops_nulls()
    {
        var values = RenderWeb();

        Assert.Equal(
            """
            global:
              zone: sgp-1a
              baseDomain: example.com
            tag: sha-a1b2c3d
            pullPolicy: IfNotPresent
            replicas: 2
            maxBytes: 0
            ratio: 0.5
            enabled: true
            cpu: 250m
            memory: 256Mi
            args:
              - "--serve"
            optional:
              - a
              - null
            ports:
              http: 80
            routes:
              - host: web.example.com
                path: /
            upstream-chart:
              replicas: 1
            class: keyword

            """,
            YamlWriter.Write(values));
    }

    /// <summary>Compiles the sample model with the generated code, loads it and renders its values.</summary>
    private static DocMap RenderWeb()
    {
        var run = GeneratorRun.Start(TestCompilation.Create(SampleModel.Files, executable: false));
        using var image = new MemoryStream();
        var emit = run.Output.Emit(image);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        image.Position = 0;
        var context = new AssemblyLoadContext("sample-model", isCollectible: true);
        try
        {
            var render = context.LoadFromStream(image).GetType("Sample.Render", throwOnError: true)!;
            return (DocMap)render.GetMethod("Web")!.Invoke(null, null)!;
        }
        finally
        {
            context.Unload();
        }
    }
}
