using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Releasing;

namespace Cogrion.InfraGen.Tests.Releasing;

/// <summary>
/// The text edit behind set-image and promote: one line changes (or one line, or one section, is added), every other
/// byte stays: comments, order, quoting, line ends.
/// </summary>
public sealed class ReleasesEditorTests
{
    private static readonly ImageTag NewTag = ImageTag.Parse("sha-0123abc");

    private const string File = """
        # Tags per cluster. Keep comments!
        dev-sgp-1:
          control-plane: sha-a1b2c3d   # deployed by CI
          temporal: "sha-4e5f6a7"

        # prod moves by promote
        prod-sgp-1:
          control-plane: sha-9f8e7d6
          temporal: sha-4e5f6a7

        """;

    [Theory]
    [InlineData("dev-sgp-1", "control-plane", 3, "  control-plane: sha-0123abc   # deployed by CI", "sha-a1b2c3d")]
    [InlineData("dev-sgp-1", "temporal", 4, "  temporal: sha-0123abc", "sha-4e5f6a7")]
    [InlineData("prod-sgp-1", "temporal", 9, "  temporal: sha-0123abc", "sha-4e5f6a7")]
    public void Replacing_a_tag_changes_only_its_line_and_keeps_a_trailing_comment(string cluster, string app, int line, string expected, string old)
    {
        var (text, edit) = Edit(File, cluster, app);

        AssertOnlyLinesChanged(File, text, removed: [line], added: [(line, expected)]);
        Assert.Equal(new ReleaseEdit(cluster, app, ImageTag.Parse(old), NewTag, ReleaseEditKind.Replaced, line), edit);
    }

    [Fact]
    public void Crlf_line_ends_and_a_file_without_a_final_line_end_are_kept()
    {
        var crlf = "dev-sgp-1:\r\n  web: sha-a1b2c3d\r\n  zeta: sha-a1b2c3d";

        var (replaced, _) = Edit(crlf, "dev-sgp-1", "zeta");
        var (added, edit) = Edit(crlf, "dev-sgp-1", "zz");

        Assert.Equal("dev-sgp-1:\r\n  web: sha-a1b2c3d\r\n  zeta: sha-0123abc", replaced);
        Assert.Equal("dev-sgp-1:\r\n  web: sha-a1b2c3d\r\n  zeta: sha-a1b2c3d\r\n  zz: sha-0123abc\r\n", added);
        Assert.Equal(4, edit.Line);
    }

    [Theory]
    [InlineData("api", 3, "  api: sha-0123abc")] // sorts first: before the first app
    [InlineData("keycloak", 4, "  keycloak: sha-0123abc")] // after control-plane, before temporal
    [InlineData("zeta", 5, "  zeta: sha-0123abc")] // sorts last: after the last app, before the blank line
    public void A_missing_app_gets_one_line_in_its_cluster_section_in_name_order(string app, int line, string expected)
    {
        var (text, edit) = Edit(File, "dev-sgp-1", app);

        AssertOnlyLinesChanged(File, text, removed: [], added: [(line, expected)]);
        Assert.Equal(ReleaseEditKind.AddedLine, edit.Kind);
        Assert.Equal(line, edit.Line);
        Assert.Null(edit.OldTag);
    }

    [Fact]
    public void A_missing_cluster_gets_a_section_in_name_order_with_the_file_s_indentation()
    {
        var fourSpaces = File.Replace("\n  ", "\n    ", StringComparison.Ordinal);

        var (text, edit) = Edit(fourSpaces, "prod-fra-1", "control-plane");

        // After the dev section (its last app line), so the comment above prod-sgp-1 stays with it.
        AssertOnlyLinesChanged(fourSpaces, text, removed: [], added: [(5, "prod-fra-1:"), (6, "    control-plane: sha-0123abc")]);
        Assert.Equal(ReleaseEditKind.AddedSection, edit.Kind);
        Assert.Equal(6, edit.Line);
    }

    [Theory]
    [InlineData("", "a-cluster:\n  web: sha-0123abc\n")]
    [InlineData("# only a comment", "# only a comment\na-cluster:\n  web: sha-0123abc\n")]
    [InlineData("z-cluster:\n  web: sha-a1b2c3d\n", "a-cluster:\n  web: sha-0123abc\nz-cluster:\n  web: sha-a1b2c3d\n")]
    public void An_empty_file_or_a_cluster_that_sorts_first_gets_its_section_at_the_right_end(string file, string expected)
    {
        var (text, _) = Edit(file, "a-cluster", "web");

        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData("dev-sgp-1: {web: sha-a1b2c3d}\n", "dev-sgp-1", "api", "the section of cluster 'dev-sgp-1' is written in flow style")]
    [InlineData("{dev-sgp-1: {web: sha-a1b2c3d}}\n", "prod-sgp-1", "web", "releases.yaml is written in flow style")]
    public void A_flow_style_map_has_no_line_to_add_and_is_refused_at_its_line(string file, string cluster, string app, string message)
    {
        var error = Assert.Throws<InfraGenException>(() => Edit(file, cluster, app));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("INFRA1101", diagnostic.Code);
        Assert.Equal(1, diagnostic.Location.Line);
        Assert.Contains(message, diagnostic.Message);
    }

    [Fact]
    public void A_flow_style_tag_can_still_be_replaced_in_place()
    {
        var (text, _) = Edit("dev-sgp-1: {web: sha-a1b2c3d}\n", "dev-sgp-1", "web");

        Assert.Equal("dev-sgp-1: {web: sha-0123abc}\n", text);
    }

    [Fact]
    public void Every_edit_reads_back_with_the_new_tag_and_the_other_tags_unchanged()
    {
        foreach (var (cluster, app) in new[] { ("dev-sgp-1", "temporal"), ("dev-sgp-1", "new-app"), ("prod-fra-1", "temporal"), ("zz-top", "a") })
        {
            var (text, _) = Edit(File, cluster, app);
            var after = Parse(text);

            Assert.Equal(NewTag, after.Find(cluster, app)?.Tag);
            Assert.Equal(Others(Parse(File), cluster, app), Others(after, cluster, app));
        }
    }

    private static List<string> Others(Releases releases, string cluster, string app) =>
        [.. releases.Entries.Where(e => (e.Cluster, e.App) != (cluster, app)).Select(e => $"{e.Cluster}/{e.App}={e.Tag}").Order(StringComparer.Ordinal)];

    private static (string Text, ReleaseEdit Edit) Edit(string text, string cluster, string app) =>
        ReleasesEditor.SetTag(Parse(text), cluster, app, NewTag);

    private static Releases Parse(string text)
    {
        var diagnostics = new List<InfraDiagnostic>();
        var releases = Releases.Parse("releases.yaml", text, diagnostics);
        Assert.Empty(diagnostics);
        return releases;
    }

    /// <summary>Asserts the new text is the old one with exactly these lines (1-based) removed, and these added.</summary>
    private static void AssertOnlyLinesChanged(string before, string after, int[] removed, (int Line, string Text)[] added)
    {
        var lines = before.Split('\n').ToList();
        foreach (var line in removed.OrderDescending())
        {
            lines.RemoveAt(line - 1);
        }

        foreach (var (line, text) in added.OrderBy(a => a.Line))
        {
            lines.Insert(line - 1, text);
        }

        Assert.Equal(string.Join('\n', lines), after);
    }
}
