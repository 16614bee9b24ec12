using Cogrion.InfraGen.Rendered;

namespace Cogrion.InfraGen.Tests.Rendered;

/// <summary>
/// Parsed manifests are kept for the process: a large manifest (a CRD) read again, by another release or another render,
/// is the same parsed documents; a small one is parsed each time; and the memo starts over past its size bound.
/// </summary>
public sealed class ManifestMemoTests
{
    /// <summary>Helm output of one template whose manifest is <paramref name="lines"/> annotation lines long.</summary>
    private static string Output(string name, int lines) =>
        $"---\n# Source: chart/templates/{name}.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\n  annotations:\n"
        + string.Concat(Enumerable.Range(0, lines).Select(i => $"    note-{i}: \"{new string('x', 40)}\"\n"));

    [Fact]
    public void A_large_manifest_read_twice_is_parsed_once_and_a_small_one_each_time()
    {
        var memo = new ManifestReader.Memo();
        var large = Output("large", 400);
        var small = Output("small", 2);
        Assert.True(large.Length > ManifestReader.Memo.MemoFrom + 100 && small.Length < ManifestReader.Memo.MemoFrom); // Each part: its output less two lines.

        var first = ManifestReader.Read(large + small, memo);
        var again = ManifestReader.Read(large + small, memo);

        Assert.Equal(2, first.Count);
        Assert.Same(first[0].Document, again[0].Document);
        Assert.NotSame(first[1].Document, again[1].Document);
        Assert.Equal("chart/templates/large.yaml", again[0].Template);
        Assert.Equal(400, ((Documents.DocMap)((Documents.DocMap)again[0].Document["metadata"]!)["annotations"]!).Count);
    }

    [Fact]
    public void Past_its_bound_the_memo_empties_and_keeps_what_it_reads_next()
    {
        var one = Output("one", 400);
        var two = Output("two", 400);
        var three = Output("three", 400);
        var memo = new ManifestReader.Memo(maxCharacters: one.Length + (two.Length / 2));

        var first = ManifestReader.Read(one, memo)[0].Document;
        Assert.Same(first, ManifestReader.Read(one, memo)[0].Document); // Within the bound: kept.

        ManifestReader.Read(two, memo); // Past the bound: emptied.
        var again = ManifestReader.Read(one, memo)[0].Document;

        Assert.NotSame(first, again);
        Assert.Same(again, ManifestReader.Read(one, memo)[0].Document); // Kept again after starting over.
        Assert.NotNull(ManifestReader.Read(three, memo)); // Past the bound again: it keeps working.
    }
}
