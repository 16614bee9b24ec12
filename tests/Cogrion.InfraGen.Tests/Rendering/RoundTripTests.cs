using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Tests.Support;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cogrion.InfraGen.Tests.Rendering;

/// <summary>Every generated YAML file reads back (YamlDotNet) to exactly the documents it was rendered from.</summary>
public class RoundTripTests
{
    public static TheoryData<string> YamlFiles()
    {
        var data = new TheoryData<string>();
        foreach (var (path, file) in RealModel.Tree.Files)
        {
            if (file.Documents.Count > 0)
            {
                data.Add(path);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(YamlFiles))]
    public void A_generated_file_parses_back_to_the_values_rendered(string path)
    {
        var file = RealModel.Tree.Files[path];
        var text = file.Text;
        if (text.StartsWith("{{", StringComparison.Ordinal))
        {
            text = text[(text.IndexOf('\n') + 1)..]; // A generated template's Helm comment line.
        }

        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        Assert.Equal(file.Documents.Count, stream.Documents.Count);
        for (var i = 0; i < file.Documents.Count; i++)
        {
            AssertSame(file.Documents[i], stream.Documents[i].RootNode, $"{path}#{i}");
        }
    }

    [Fact]
    public void Every_yaml_file_of_the_model_is_covered()
    {
        // Per cluster: bootstrap, root, and an Application and a values file per app; per chart: Chart.yaml,
        // values.yaml and, for apps with secrets, the ExternalSecret.
        var yaml = RealModel.Tree.Files.Values.Where(f => f.Documents.Count > 0).Select(f => f.Path).ToList();
        Assert.Equal((2 * (2 + (2 * 5))) + (2 * 5) + 4, yaml.Count);
        Assert.Equal(yaml.Count, YamlFiles().Count);
    }

    private static void AssertSame(DocNode expected, YamlNode actual, string at)
    {
        switch (expected)
        {
            case DocMap map:
                var actualMap = Assert.IsType<YamlMappingNode>(actual);
                Assert.Equal(map.Entries.Select(e => e.Key), actualMap.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
                foreach (var (key, value) in map.Entries)
                {
                    AssertSame(value, actualMap.Children[new YamlScalarNode(key)], $"{at}/{key}");
                }

                break;
            case DocSeq seq:
                var actualSeq = Assert.IsType<YamlSequenceNode>(actual);
                Assert.Equal(seq.Count, actualSeq.Children.Count);
                for (var i = 0; i < seq.Count; i++)
                {
                    AssertSame(seq[i], actualSeq.Children[i], $"{at}/{i}");
                }

                break;
            case DocScalar scalar:
                var actualScalar = Assert.IsType<YamlScalarNode>(actual);
                Assert.True(scalar.Text == actualScalar.Value, $"{at}: rendered '{scalar.Text}', read '{actualScalar.Value}'");
                var readAsString = actualScalar.Style != ScalarStyle.Plain || !YamlOracle.ResolvesToNonString(actualScalar.Value!);
                Assert.True(readAsString == (scalar.Kind == ScalarKind.String), $"{at}: a {scalar.Kind} read back as {(readAsString ? "a string" : "another type")}");
                break;
        }
    }
}
