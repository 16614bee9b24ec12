using Cogrion.InfraGen.Generators.Tests.Support;
using Cogrion.InfraGen.Tests.Support;

namespace Cogrion.InfraGen.Generators.Tests;

/// <summary>
/// The generator runs inside the compiler, under whatever culture the build machine has: what it writes (values
/// writers, defaults, values.schema.json, the catalog) must not depend on it. The sample model, a record of culture
/// traps, and the real model generate the same sources under the Turkish, German and Japanese cultures as under the
/// invariant one.
/// </summary>
public sealed class CultureTests
{
    private const string Traps = """
        namespace Traps;

        /// <summary>İ and ı: Turkish casing. 1,5 or 1.5: German decimals. -3: a culture's minus sign.</summary>
        [HelmValues("traps")]
        public partial record TrapValues
        {
            /// <summary>An index starting with a capital I, which tr-TR lower-cases to a dotless ı.</summary>
            public int ImageIndex { get; init; } = -3;

            /// <summary>A negative decimal: -1.25, never -1,25.</summary>
            public decimal Ratio { get; init; } = -1.25m;

            /// <summary>A long with a large value.</summary>
            public long Limit { get; init; } = -9_000_000_000;

            /// <summary>A list of I words.</summary>
            public IReadOnlyList<string> Items { get; init; } = ["I", "ı", "İ"];

            /// <summary>An enum whose members start with I.</summary>
            public TrapLevel Level { get; init; } = TrapLevel.IMPORTANT;
        }

        /// <summary>Levels.</summary>
        public enum TrapLevel
        {
            Info,
            IMPORTANT,
        }
        """;

    [Theory]
    [MemberData(nameof(CultureScope.Cultures), MemberType = typeof(CultureScope))]
    public void The_sample_model_and_culture_traps_generate_the_same_sources_as_under_the_invariant_culture(string culture)
    {
        IEnumerable<(string Path, string Source)> files = [.. SampleModel.Files, ("/model/Values/Traps.cs", Traps)];

        AssertSameSources(files, culture);
    }

    [Theory]
    [MemberData(nameof(CultureScope.Cultures), MemberType = typeof(CultureScope))]
    public void The_real_model_generates_the_same_sources_as_under_the_invariant_culture(string culture)
    {
        var model = Repository.Path("model");
        var files = Directory.EnumerateFiles(model, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(model, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("obj/", StringComparison.Ordinal) && !f.StartsWith("bin/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => ("/model/" + f, File.ReadAllText(Path.Combine(model, f))))
            .ToList();
        Assert.Contains(files, f => f.Item1 == "/model/Estate.cs");

        AssertSameSources(files, culture);
    }

    private static void AssertSameSources(IEnumerable<(string Path, string Source)> files, string culture)
    {
        var compilation = TestCompilation.Create(files);
        var invariant = CultureScope.Run("", () => Generate(compilation));
        var local = CultureScope.Run(culture, () => Generate(compilation));

        Assert.Equal(invariant.Keys.Order(StringComparer.Ordinal), local.Keys.Order(StringComparer.Ordinal));
        Assert.All(invariant, source => Assert.True(source.Value == local[source.Key], Baseline.Diff(source.Key, source.Value, local[source.Key])));
    }

    private static IReadOnlyDictionary<string, string> Generate(Microsoft.CodeAnalysis.Compilation compilation)
    {
        var run = GeneratorRun.Start(compilation);
        Assert.Empty(run.CompilerProblems());
        return run.Sources;
    }
}
