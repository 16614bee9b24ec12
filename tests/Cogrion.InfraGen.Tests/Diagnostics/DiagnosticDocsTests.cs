using System.Text.RegularExpressions;
using Cogrion.InfraGen.Tests.Support;

namespace Cogrion.InfraGen.Tests.Diagnostics;

public sealed partial class DiagnosticDocsTests
{
    /// <summary>
    /// Every INFRA ID the pipeline, the tool or the MSBuild step can print has its section in docs/diagnostics.md (the
    /// generator's descriptors are held to the same by DescriptorTests), and no ID has two: a user who sees the code can
    /// look it up, and finds one meaning.
    /// </summary>
    [Fact]
    public void Every_ID_the_pipeline_tool_or_build_prints_has_a_section_in_docs_diagnostics_md()
    {
        var root = RealModel.Paths.RepoRoot;
        var sections = Section().Matches(File.ReadAllText(Path.Combine(root, "docs", "diagnostics.md"))).Select(m => m.Groups[1].Value).ToList();
        var documented = sections.ToHashSet();
        var sources = new[] { "src/Cogrion.InfraGen", "src/Cogrion.InfraGen.Cli", "src/build" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".targets", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

        var printed = sources.SelectMany(f => Code().Matches(File.ReadAllText(f)).Select(m => m.Value)).ToHashSet();

        Assert.NotEmpty(printed);
        Assert.Empty(sections.GroupBy(c => c).Where(g => g.Count() > 1).Select(g => g.Key)); // One ID, one meaning.
        Assert.Empty(printed.Where(c => !documented.Contains(c)).Order(StringComparer.Ordinal));
    }

    [GeneratedRegex(@"^## (INFRA\d{4}):", RegexOptions.Multiline)]
    private static partial Regex Section();

    [GeneratedRegex(@"INFRA[1-4]\d{3}")]
    private static partial Regex Code();
}
