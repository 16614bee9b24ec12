using System.Reflection;
using Cogrion.InfraGen.Generators.Diagnostics;
using Cogrion.InfraGen.Generators.Tests.Support;
using Microsoft.CodeAnalysis;

namespace Cogrion.InfraGen.Generators.Tests;

/// <summary>Every diagnostic is documented, tracked for release and reported by exactly one analyzer.</summary>
public sealed class DescriptorTests
{
    private static readonly IReadOnlyList<DiagnosticDescriptor> Descriptors = typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .OrderBy(d => d.Id, StringComparer.Ordinal)
        .ToList();

    [Fact]
    public void Ids_run_from_INFRA0001_without_gaps()
    {
        Assert.Equal(Enumerable.Range(1, Descriptors.Count).Select(i => $"INFRA{i:0000}"), Descriptors.Select(d => d.Id));
    }

    [Fact]
    public void Each_descriptor_is_an_error_with_a_help_link_to_its_section_of_docs_diagnostics_md()
    {
        var docs = File.ReadAllText(Repository.Path("docs", "diagnostics.md"));
        foreach (var descriptor in Descriptors)
        {
            var anchor = descriptor.Id.ToLowerInvariant();
            Assert.Equal(DiagnosticSeverity.Error, descriptor.DefaultSeverity);
            Assert.Equal($"https://github.com/cogrion/cogrion-infragen/blob/main/docs/diagnostics.md#{anchor}", descriptor.HelpLinkUri);
            Assert.Contains($"<a id=\"{anchor}\"></a>\n## {descriptor.Id}: ", docs, StringComparison.Ordinal);
            var section = docs[docs.IndexOf($"## {descriptor.Id}: ", StringComparison.Ordinal)..];
            section = section[..section.IndexOf("\n## ", 1, StringComparison.Ordinal)];
            Assert.Contains("**What**", section, StringComparison.Ordinal);
            Assert.Contains("**Why**", section, StringComparison.Ordinal);
            Assert.Contains("**Fix**", section, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Each_id_is_tracked_in_the_analyzer_release_files()
    {
        var releases = File.ReadAllText(Repository.Path("src", "Cogrion.InfraGen.Generators", "AnalyzerReleases.Unshipped.md"))
            + File.ReadAllText(Repository.Path("src", "Cogrion.InfraGen.Generators", "AnalyzerReleases.Shipped.md"));
        Assert.All(Descriptors, d => Assert.Contains($"{d.Id} | InfraGen | Error |", releases, StringComparison.Ordinal));
    }

    [Fact]
    public void Each_id_has_one_analyzer_whose_DiagnosticId_is_that_id()
    {
        var byId = GeneratorRun.Analyzers.SelectMany(a => a.SupportedDiagnostics.Select(d => (d.Id, Analyzer: a))).ToList();

        Assert.Equal(Descriptors.Select(d => d.Id), byId.Select(x => x.Id).Order(StringComparer.Ordinal));
        foreach (var (id, analyzer) in byId)
        {
            Assert.Equal(id, analyzer.GetType().GetField("DiagnosticId")!.GetRawConstantValue());
        }
    }
}
