using Cogrion.InfraGen.Rendering;
using Cogrion.InfraGen.Tests.Support;

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

        var documents = YamlReadBack.Parse(text);
        Assert.Equal(file.Documents.Count, documents.Count);
        for (var i = 0; i < file.Documents.Count; i++)
        {
            YamlReadBack.AssertSame(file.Documents[i], documents[i].RootNode, $"{path}#{i}");
        }
    }

    [Fact]
    public void Every_yaml_file_of_the_model_is_covered()
    {
        // Per cluster: the bootstrap, and per app its AppProject-and-Application file and a values file; per chart:
        // Chart.yaml, values.yaml and, for apps with secrets, the ExternalSecret.
        var yaml = RealModel.Tree.Files.Values.Where(f => f.Documents.Count > 0).Select(f => f.Path).ToList();
        Assert.Equal((2 * (1 + (2 * 8))) + (2 * 8) + 4, yaml.Count);

        // Every YAML file InfraGen builds carries its documents, so the theory above reads it back; only hand-written
        // chart templates (Helm templates, not YAML) are copied as text, and the ClusterSecretStore template, which is
        // Helm text too (validation checks what it renders to on each cluster instead).
        var asText = RealModel.Tree.Files.Values.Where(f => f.Path.EndsWith(".yaml", StringComparison.Ordinal) && f.Documents.Count == 0
            && f.Path != TreeLayout.ChartFile("external-secrets", SecretStoreChart.TemplatePath)).ToList();
        Assert.NotEmpty(asText);
        Assert.All(asText, f => Assert.Equal(FileKind.ChartTemplate, f.Kind));
        Assert.All(asText, f => Assert.True(File.Exists(Path.Combine(RealModel.Paths.ModelDirectory, f.Path)), $"{f.Path} is copied as text but is not a hand-written template of model/"));
    }
}
