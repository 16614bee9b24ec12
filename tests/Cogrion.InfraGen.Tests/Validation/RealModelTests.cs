using System.Runtime.CompilerServices;
using Cogrion.Infra;
using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Output;
using Cogrion.InfraGen.Rendering;
using Cogrion.InfraGen.Validation;

namespace Cogrion.InfraGen.Tests.Validation;

/// <summary>The real cogrion model: its tree is byte-for-byte the committed out/, and that tree passes every rule.</summary>
public sealed class RealModelTests
{
    [Fact]
    public void The_committed_out_tree_passes_every_rule()
    {
        var root = RepositoryRoot();
        var paths = new ModelPaths(Path.Combine(root, "model"), Path.Combine(root, "out"));
        var model = ModelLoader.Load(new CogrionEstate().Define(), paths);
        var tree = TreeRenderer.Render(model);

        // What is validated is what is committed: same files, same bytes.
        Assert.Equal(TreeWriter.ExistingFiles(paths.OutDirectory), tree.Files.Keys);
        Assert.All(tree.Files.Values, file => Assert.Equal(File.ReadAllText(Path.Combine(paths.OutDirectory, file.Path)), file.Text));

        Assert.Empty(TreeValidator.Validate(model, tree));
    }

    [Fact]
    public void Every_generated_manifest_of_the_real_model_is_schema_checked()
    {
        var root = RepositoryRoot();
        var model = ModelLoader.Load(new CogrionEstate().Define(), new ModelPaths(Path.Combine(root, "model"), Path.Combine(root, "out")));
        var tree = TreeRenderer.Render(model);
        var facts = new TreeFacts(model, tree);

        Assert.Empty(new Cogrion.InfraGen.Validation.Rules.UpstreamSchemaRule().Check(facts));
        Assert.Empty(new Cogrion.InfraGen.Validation.Rules.ValuesSchemaRule().Check(facts));

        // Bootstrap (4 kinds), root, Applications, Chart.yaml and ExternalSecrets, and every values file, were evaluated.
        var documents = tree.Files.Values.Where(f => f.Kind != FileKind.ChartDefaults).Sum(f => f.Documents.Count);
        Assert.True(facts.Verdicts.Evaluations >= 10, $"{facts.Verdicts.Evaluations} evaluations");
        Assert.True(facts.Verdicts.Evaluations < documents, $"{facts.Verdicts.Evaluations} evaluations for {documents} documents");
    }

    private static string RepositoryRoot([CallerFilePath] string file = "")
    {
        var directory = new DirectoryInfo(Path.GetDirectoryName(file)!);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Cogrion.InfraGen.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
