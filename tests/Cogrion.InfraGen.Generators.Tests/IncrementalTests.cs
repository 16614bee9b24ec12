using System.Collections;
using System.Reflection;
using Cogrion.InfraGen.Generators.Tests.Support;
using Microsoft.CodeAnalysis;

namespace Cogrion.InfraGen.Generators.Tests;

/// <summary>
/// The generator stays incremental: an edit that does not touch a values record leaves every tracked stage
/// Cached or Unchanged, and no stage carries a symbol, a compilation or a syntax node (which would defeat caching
/// and keep whole compilations alive in the IDE).
/// </summary>
public sealed class IncrementalTests
{
    private const string OtherPath = "/model/Conventions.cs";

    private static readonly string[] StageNames = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    /// <summary>The sample model with its app declarations, plus a conventions file that holds no values record and that no app uses.</summary>
    private static Compilation Model(string conventions = "public static int Replicas() => 1;") =>
        TestCompilation.Create([.. SampleApps.Files, (OtherPath, $"namespace Sample;\n\npublic static class Conventions\n{{\n    {conventions}\n}}\n")]);

    [Fact]
    public void Running_again_on_an_equal_compilation_leaves_every_stage_cached()
    {
        var compilation = Model();
        var first = GeneratorRun.Start(compilation);

        var second = GeneratorRun.Continue(first.Driver, compilation.Clone());

        AssertEveryStageCachedOrUnchanged(second);
        Assert.Equal(first.Sources, second.Sources);
    }

    [Fact]
    public void An_edit_outside_values_records_leaves_every_stage_cached_or_unchanged()
    {
        var first = GeneratorRun.Start(Model());

        var edited = Model("// Edited: two replicas now.\n    public static int Replicas() => 2;");
        var second = GeneratorRun.Continue(first.Driver, edited);

        AssertEveryStageCachedOrUnchanged(second);
        Assert.Equal(first.Sources, second.Sources);
    }

    [Fact]
    public void An_edit_to_a_values_record_reruns_its_stages()
    {
        var compilation = Model();
        var first = GeneratorRun.Start(compilation);
        var web = compilation.SyntaxTrees.Single(t => t.FilePath == "/model/Apps/Web.cs");
        var edited = compilation.ReplaceSyntaxTree(
            web, TestCompilation.Parse(web.FilePath, SampleModel.Web.Replace("/// <summary>Pods.</summary>", "/// <summary>Pods per cluster.</summary>")));

        var second = GeneratorRun.Continue(first.Driver, edited);

        var roots = second.Result.Results.Single().TrackedSteps[TrackingNames.ValuesRoots];
        Assert.Contains(roots.SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("Pods per cluster.", second.Sources["Sample.WebValues.HelmValues.g.cs"]);
    }

    [Fact]
    public void No_stage_output_holds_a_symbol_a_compilation_or_a_syntax_node()
    {
        var run = GeneratorRun.Start(Model());

        var steps = run.Result.Results.Single().TrackedSteps;
        Assert.All(StageNames, name => Assert.True(steps.ContainsKey(name), $"Stage {name} did not run."));
        foreach (var (name, runs) in steps.Where(s => StageNames.Contains(s.Key)))
        {
            foreach (var (output, _) in runs.SelectMany(r => r.Outputs))
            {
                AssertHoldsNoRoslynObject(output, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    private static void AssertEveryStageCachedOrUnchanged(GeneratorRun run)
    {
        var steps = run.Result.Results.Single().TrackedSteps;
        foreach (var name in StageNames)
        {
            Assert.True(steps.ContainsKey(name), $"Stage {name} did not run.");
            Assert.True(steps[name].SelectMany(s => s.Outputs).Any(), $"Stage {name} has no output: nothing to find cached.");
            foreach (var (_, reason) in steps[name].SelectMany(s => s.Outputs))
            {
                Assert.True(
                    reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"Stage {name} was {reason} after an edit that touches no values record.");
            }
        }
    }

    /// <summary>Walks an output's object graph (fields, collections) and fails on any Roslyn object that is not a value.</summary>
    private static void AssertHoldsNoRoslynObject(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(value is ISymbol or Compilation or SyntaxNode or SemanticModel or SyntaxTree, $"{path} holds a {value.GetType().Name}.");
        if (value is IEnumerable items)
        {
            var index = 0;
            foreach (var item in items)
            {
                AssertHoldsNoRoslynObject(item, $"{path}[{index++}]", seen);
            }

            return;
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertHoldsNoRoslynObject(field.GetValue(value), $"{path}.{field.Name}", seen);
        }
    }
}
