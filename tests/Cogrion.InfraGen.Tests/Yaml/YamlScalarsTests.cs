using System.Text;
using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Tests.Support;
using Cogrion.InfraGen.Yaml;
using YamlDotNet.RepresentationModel;

namespace Cogrion.InfraGen.Tests.Yaml;

public class YamlScalarsTests
{
    public static TheoryData<string> Misreadable => new()
    {
        "on", "On", "ON", "off", "no", "No", "yes", "y", "n", "true", "False", "~", "null", "Null", "",
        "0123", "123", "-1", "+1", "1e3", "1E3", "0x1F", "0o17", "0b101", "1_000", "1:20", "12:30:45", ".5", "1.", ".inf", "-.Inf", ".NaN",
        "2001-12-14", "2001-12-14t21:59:43.10-05:00", "1.2.3", "=", "<<",
        "a: b", "key:", "a #comment", "#x", "*alias", "&anchor", "!tag", "|", ">", "'q", "\"q", "%x", "@x", "`x", "-", "- x", "?x", ":x",
        " lead", "trail ", "tab\there", "line\nbreak", "cr\rreturn", "[a]", "{a}", "a,b", "\u0085", "nbsp\u00a0", "\ufeffbom",

        // Found by the property tests: a document end marker at the start of a top-level key, and " *" in a first key,
        // which YamlDotNet reads as the start of an alias.
        "...", "... x", "a *b", "~? *a",
    };

    public static TheoryData<string> PlainSafe => new()
    {
        "250m", "512Mi", "1Gi", "sha-a1b2c3d", "https://github.com/cogrion/cogrion-infra", "control-plane", "CreateNamespace=true",
        "argocd.argoproj.io/sync-wave", "cplane.sgp-1.cogrion.com", "ghcr.io/cogrion/control-plane", "/healthz", "v1", "a#b", "a:b", "naïve", "日本",
    };

    [Theory]
    [MemberData(nameof(Misreadable))]
    public void Strings_a_reader_could_misread_are_quoted_and_read_back_exactly(string value)
    {
        Assert.False(YamlScalars.CanBePlain(value));
        Assert.Equal(value, ReadBack(value, out var style));
        Assert.Equal(YamlDotNet.Core.ScalarStyle.DoubleQuoted, style);
    }

    [Theory]
    [MemberData(nameof(PlainSafe))]
    public void Ordinary_strings_stay_plain_and_no_yaml_version_reads_them_as_another_type(string value)
    {
        Assert.True(YamlScalars.CanBePlain(value));
        Assert.False(YamlOracle.ResolvesToNonString(value));
        Assert.Equal(value, ReadBack(value, out var style));
        Assert.Equal(YamlDotNet.Core.ScalarStyle.Plain, style);
    }

    [Fact]
    public void An_unpaired_surrogate_is_refused_with_a_reason()
    {
        var error = Assert.Throws<YamlRenderException>(() => YamlWriter.Write(new DocMap { { "k", "a\ud800b" } }));
        Assert.Contains("unpaired UTF-16 surrogate (U+D800)", error.Message);
    }

    [Fact]
    public void A_character_outside_the_basic_plane_is_written_as_is()
    {
        Assert.Equal("😀 ok", ReadBack("😀 ok", out _));
    }

    private static string ReadBack(string value, out YamlDotNet.Core.ScalarStyle style)
    {
        var yaml = YamlWriter.Write(new DocMap { { "k", value } });
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var scalar = (YamlScalarNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("k")];
        style = scalar.Style;
        return scalar.Value!;
    }
}
