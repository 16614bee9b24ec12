using System.Text.RegularExpressions;
using Cogrion.InfraGen.Tests.Support;

namespace Cogrion.InfraGen.Tests.Suite;

/// <summary>
/// The fast subset (README "Tests": <c>dotnet test Cogrion.InfraGen.Fast.slnf --filter "Speed!=Slow"</c>) leaves out the
/// tests marked <c>[Trait("Speed", "Slow")]</c>. A test is slow by what it runs: the pinned Helm, Node (Mermaid), a
/// process of its own (dotnet build, the model program), the SDK's compiler, or the ten-thousand-cluster estate. This
/// test keeps the mark honest: a test file of the unit or generator tests that runs any of those carries the mark (on
/// its class, or on the tests that run it), so a new Helm test cannot slip into the edit-test loop unmarked.
/// </summary>
public sealed class SlowTestMarkTests
{
    private const string Mark = "[Trait(\"Speed\", \"Slow\")]";

    /// <summary>What makes a test slow, as the test code spells it.</summary>
    private static readonly Regex SlowMeans = new(
        @"PinnedHelm\.|HelmCollection\.Name|ModelCompiler|ModelProgramProcess|Process\.Start|ProcessStartInfo|""node""|SyntheticEstate\.Create\(\s*10_000",
        RegexOptions.CultureInvariant);

    public static TheoryData<string> TestProjects() => new() { "Cogrion.InfraGen.Tests", "Cogrion.InfraGen.Generators.Tests" };

    [Theory]
    [MemberData(nameof(TestProjects))]
    public void A_test_file_that_runs_Helm_Node_a_process_or_the_compiler_is_marked_slow(string project)
    {
        var files = TestFiles(project).ToList();
        Assert.NotEmpty(files);

        var unmarked = (from file in files
                        let text = File.ReadAllText(file)
                        let means = SlowMeans.Match(text)
                        where means.Success && !text.Contains(Mark, StringComparison.Ordinal)
                        select $"{Path.GetRelativePath(RealModel.Paths.RepoRoot, file)}: runs {means.Value.TrimEnd('.')} but has no {Mark}").ToList();

        Assert.True(unmarked.Count == 0, string.Join("\n", unmarked));
    }

    [Fact]
    public void The_check_sees_the_slow_tests_it_guards()
    {
        // Against a check that passes because it reads nothing: the Helm tests are found, and they are marked.
        var rendered = TestFiles("Cogrion.InfraGen.Tests").Select(File.ReadAllText).Where(t => t.Contains("PinnedHelm.", StringComparison.Ordinal)).ToList();
        Assert.True(rendered.Count >= 5, $"found {rendered.Count} test files that run Helm");
        Assert.All(rendered, text => Assert.Contains(Mark, text, StringComparison.Ordinal));
    }

    /// <summary>The test sources of <paramref name="project"/>, without its support code (which the tests call).</summary>
    private static IEnumerable<string> TestFiles(string project)
    {
        var root = Path.Combine(RealModel.Paths.RepoRoot, "tests", project);
        return Directory.EnumerateFiles(root, "*Tests.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Support{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && Path.GetFileName(f) != nameof(SlowTestMarkTests) + ".cs")
            .Order(StringComparer.Ordinal);
    }
}
