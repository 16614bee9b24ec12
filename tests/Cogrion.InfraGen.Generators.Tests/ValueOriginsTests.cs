using System.Runtime.Loader;
using Cogrion.InfraGen.Generators.Tests.Support;
using Cogrion.InfraGen.Tests.Support;
using Microsoft.CodeAnalysis;

namespace Cogrion.InfraGen.Generators.Tests;

/// <summary>
/// The value origins stage (<c>InfraGenGenerator.Origins.cs</c>): which line of a values function, or of a convention
/// it calls, sets which values key, what it uses, and the declaration's settings; generated as a part of the catalog.
/// </summary>
public sealed class ValueOriginsTests
{
    private const string Hint = "Cogrion.InfraGen.ValueOrigins.g.cs";

    [Fact]
    public void The_sample_apps_generate_the_baseline_origins()
    {
        var run = GeneratorRun.Start(TestCompilation.Create(SampleApps.Files));

        Baseline.AssertMatches("ValueOrigins", new Dictionary<string, string> { [Hint] = run.Sources[Hint] });
        Assert.Empty(run.CompilerProblems());
    }

    [Fact]
    public void A_model_without_app_declarations_gets_no_origins_and_its_catalog_keeps_the_default()
    {
        var run = GeneratorRun.Start(TestCompilation.Create(SampleModel.Files));

        Assert.DoesNotContain(Hint, run.Sources.Keys);
        Assert.Empty(run.CompilerProblems());
    }

    [Fact]
    public void A_values_lambda_records_each_assignment_its_line_and_the_conventions_it_calls()
    {
        var origins = LoadOrigins(SampleApps.Files);

        var web = origins.Function("Sample.WebValues")!;
        Assert.Equal(new SourceLocation(SampleApps.Path, Line("context => new WebValues")), web.At);
        Assert.Equal(["global", "tag", "replicas", "routes", "routes.host"], web.Assignments.Select(a => a.Path));
        var global = web.Assignments[0];
        Assert.Equal(Line("Global = Naming.Global(context.Cluster)"), global.Line);
        Assert.Equal(["M:Sample.Naming.Global(Cogrion.InfraGen.Cluster)"], global.Uses);
        Assert.Empty(web.Assignments[1].Uses); // context.ImageTag: the vocabulary's, not the model's.
        Assert.Equal(["M:Sample.Naming.Host(Cogrion.InfraGen.Cluster,System.String)"], web.Assignments[4].Uses);
        Assert.Equal(Line("DependsOn = [Db]"), web.Settings["DependsOn"]);
    }

    [Fact]
    public void A_convention_that_returns_a_record_records_its_assignments_under_their_conditions()
    {
        var origins = LoadOrigins(SampleApps.Files);

        var naming = origins.Member("M:Sample.Naming.Global(Cogrion.InfraGen.Cluster)")!;
        Assert.Equal("Naming.Global", naming.Name);
        Assert.Equal(Line("public static SharedGlobal Global"), naming.At.Line);
        Assert.Equal(
            [
                ("zone", "cluster.Env.Name is \"prod\""),
                ("zone", "cluster.Env.Name is _"),
                ("baseDomain", "cluster.Env.Name is _"),
            ],
            naming.Assignments.Select(a => (a.Path, a.Condition)));
        Assert.Equal(["M:Sample.Naming.Host(Cogrion.InfraGen.Cluster,System.String)"], naming.Assignments[2].Uses);
        var host = origins.Member("M:Sample.Naming.Host(Cogrion.InfraGen.Cluster,System.String)")!;
        Assert.Empty(host.Assignments); // It returns a string: what it uses is the chain.
        Assert.Equal(Line("public static string Host"), host.At.Line);
    }

    [Fact]
    public void A_method_group_values_function_and_its_locals_and_constants_are_followed()
    {
        var origins = LoadOrigins(SampleApps.Files);

        var db = origins.Function("DbValues")!;
        Assert.Equal(Line("private static DbValues DbValuesFor"), db.At.Line);
        Assert.Equal(["global", "storage"], db.Assignments.Select(a => a.Path));
        var local = Assert.Single(db.Assignments[0].Uses);
        Assert.Equal($"L:{SampleApps.Path}:{Line("var global = ")}:global", local);
        Assert.Equal(["M:Sample.Naming.Global(Cogrion.InfraGen.Cluster)"], origins.Member(local)!.Uses);
        Assert.Equal(["F:Sample.Naming.StorageGi"], db.Assignments[1].Uses);
        Assert.Equal(Line("public const int StorageGi"), origins.Member("F:Sample.Naming.StorageGi")!.At.Line);
        Assert.Empty(db.Settings);
    }

    [Fact]
    public void An_edit_inside_a_convention_that_moves_no_line_leaves_the_origins_unchanged_and_one_that_moves_it_reruns_them()
    {
        var compilation = TestCompilation.Create(SampleApps.Files);
        var first = GeneratorRun.Start(compilation);
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == SampleApps.Path);

        var sameLines = GeneratorRun.Continue(first.Driver, compilation.ReplaceSyntaxTree(tree, TestCompilation.Parse(SampleApps.Path, SampleApps.Source.Replace("example.com", "example.org"))));
        Assert.All(Reasons(sameLines), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{r}"));
        Assert.Equal(first.Sources[Hint], sameLines.Sources[Hint]);

        var moved = GeneratorRun.Continue(first.Driver, compilation.ReplaceSyntaxTree(tree, TestCompilation.Parse(SampleApps.Path, SampleApps.Source.Replace("    public const int StorageGi", "    // Gibibytes.\n    public const int StorageGi"))));
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(moved));
        Assert.Contains($"new global::Cogrion.InfraGen.SourceLocation(\"{SampleApps.Path}\", {Line("public const int StorageGi") + 1})", moved.Sources[Hint]);
    }

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorRun run) =>
        run.Result.Results.Single().TrackedSteps[TrackingNames.AppOrigins].SelectMany(s => s.Outputs).Select(o => o.Reason);

    /// <summary>The 1-based line of the sample declarations holding <paramref name="text"/> (the first).</summary>
    private static int Line(string text)
    {
        var lines = SampleApps.Source.Split('\n');
        return Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal)) + 1;
    }

    /// <summary>Compiles the model with the generated code, loads it and reads its catalog's origins.</summary>
    private static ValueOrigins LoadOrigins(IEnumerable<(string Path, string Source)> files)
    {
        var run = GeneratorRun.Start(TestCompilation.Create(files));
        using var image = new MemoryStream();
        var emit = run.Output.Emit(image);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        image.Position = 0;
        var context = new AssemblyLoadContext("sample-origins", isCollectible: true);
        try
        {
            var catalog = (IInfraCatalog)Activator.CreateInstance(context.LoadFromStream(image).GetType("Cogrion.InfraGen.Generated.InfraCatalog", throwOnError: true)!)!;
            return catalog.Origins;
        }
        finally
        {
            context.Unload();
        }
    }
}
