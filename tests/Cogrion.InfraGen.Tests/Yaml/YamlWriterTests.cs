using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Yaml;

namespace Cogrion.InfraGen.Tests.Yaml;

public class YamlWriterTests
{
    [Fact]
    public void Writes_block_style_with_sequences_indented_under_their_key_as_the_seed_does()
    {
        var document = new DocMap
        {
            { "apiVersion", "v1" },
            { "spec", new DocMap { { "valueFiles", new DocSeq { "../../values/x.yaml" } }, { "replicas", 2L }, { "on", true } } },
            { "list", new DocSeq { new DocMap { { "name", "a" }, { "value", "b" } }, "plain" } },
            { "empty", new DocMap() },
            { "none", new DocSeq() },
            { "gone", DocScalar.Null },
        };

        Assert.Equal(
            """
            apiVersion: v1
            spec:
              valueFiles:
                - ../../values/x.yaml
              replicas: 2
              "on": true
            list:
              - name: a
                value: b
              - plain
            empty: {}
            none: []
            gone: null

            """.ReplaceLineEndings("\n"),
            YamlWriter.Write(document));
    }

    [Fact]
    public void Several_documents_are_separated_and_the_header_is_a_comment()
    {
        var text = YamlWriter.Write([new DocMap { { "a", 1L } }, new DocMap { { "b", 2L } }], "Generated.\nSecond line.");
        Assert.Equal("# Generated.\n# Second line.\na: 1\n---\nb: 2\n", text);
    }
}
