using Cogrion.InfraGen.Documents;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cogrion.InfraGen.Tests.Support;

/// <summary>
/// Reads written YAML back with YamlDotNet and holds it against the documents it was written from: the same keys in
/// the same order, the same scalar text, and every scalar read as the type it was written as by every YAML version
/// (a string never read as a boolean, number, date or null; <see cref="YamlOracle"/>).
/// </summary>
public static class YamlReadBack
{
    /// <summary>The documents of <paramref name="yaml"/>.</summary>
    public static IReadOnlyList<YamlDocument> Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return [.. stream.Documents];
    }

    /// <summary>Asserts <paramref name="actual"/> is what <paramref name="expected"/> was written as; <paramref name="at"/> names the place.</summary>
    public static void AssertSame(DocNode expected, YamlNode actual, string at)
    {
        switch (expected)
        {
            case DocMap map:
                var actualMap = Assert.IsType<YamlMappingNode>(actual);
                var keys = actualMap.Children.Keys.Cast<YamlScalarNode>().ToList();
                Assert.Equal(map.Entries.Select(e => e.Key), keys.Select(k => k.Value));
                foreach (var key in keys)
                {
                    Assert.True(ReadAsString(key), $"{at}: the key {YamlGen.Show(key.Value!)} read back as another type");
                }

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
                Assert.True(scalar.Text == actualScalar.Value, $"{at}: rendered {YamlGen.Show(scalar.Text)}, read {YamlGen.Show(actualScalar.Value ?? "(null)")}");
                var readAsString = ReadAsString(actualScalar);
                Assert.True(readAsString == (scalar.Kind == ScalarKind.String), $"{at}: a {scalar.Kind} read back as {(readAsString ? "a string" : "another type")}");
                break;
        }
    }

    private static bool ReadAsString(YamlScalarNode scalar) => scalar.Style != ScalarStyle.Plain || !YamlOracle.ResolvesToNonString(scalar.Value!);
}
