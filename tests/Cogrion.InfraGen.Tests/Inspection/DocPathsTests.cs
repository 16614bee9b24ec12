using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Inspection;

namespace Cogrion.InfraGen.Tests.Inspection;

public sealed class DocPathsTests
{
    private static readonly DocMap Application = new()
    {
        { "metadata", new DocMap { { "name", "web" }, { "annotations", new DocMap { { "argocd.argoproj.io/sync-wave", "1" } } } } },
        { "spec", new DocMap { { "valueFiles", new DocSeq { "a.yaml", "b.yaml" } }, { "empty", new DocMap() }, { "replicas", 3L } } },
    };

    [Theory]
    [InlineData("image.tag", true)]
    [InlineData("args[0]", true)]
    [InlineData("args.0", true)]
    [InlineData("[key]", true)]
    [InlineData("spec.source.helm.valueFiles[0]", true)]
    [InlineData("metadata.annotations[argocd.argoproj.io/sync-wave]", true)]
    [InlineData("image..tag", false)]
    [InlineData(".image", false)]
    [InlineData("image.", false)]
    [InlineData("args[]", false)]
    [InlineData("args[0", false)]
    [InlineData("", false)]
    public void A_path_with_an_empty_key_or_an_open_bracket_is_not_well_formed(string path, bool wellFormed) =>
        Assert.Equal(wellFormed, DocPaths.IsWellFormed(path));

    [Fact]
    public void Leaves_are_every_scalar_under_a_path_people_can_type_back()
    {
        var leaves = DocPaths.Leaves(Application);

        Assert.Equal(
            [
                new DocLeaf("metadata.name", "web"),
                new DocLeaf("metadata.annotations[argocd.argoproj.io/sync-wave]", "\"1\""),
                new DocLeaf("spec.valueFiles[0]", "a.yaml"),
                new DocLeaf("spec.valueFiles[1]", "b.yaml"),
                new DocLeaf("spec.empty", "{}"),
                new DocLeaf("spec.replicas", "3"),
            ],
            leaves);
        Assert.All(leaves, leaf => Assert.NotNull(DocPaths.Find(Application, leaf.Path)));
        Assert.All(leaves, leaf => Assert.True(DocPaths.IsWellFormed(leaf.Path), leaf.Path));
    }

    [Theory]
    [InlineData("metadata.annotations.argocd.argoproj.io/sync-wave", "\"1\"")]
    [InlineData("spec.valueFiles.1", "b.yaml")]
    [InlineData("spec.valueFiles[0]", "a.yaml")]
    public void Find_reads_dotted_keys_list_indices_and_keys_holding_dots(string path, string value)
    {
        Assert.Equal(value, DocPaths.Display(DocPaths.Find(Application, path)!));
    }

    [Theory]
    [InlineData("metadata.nope")]
    [InlineData("spec.valueFiles[2]")]
    [InlineData("spec.replicas.more")]
    public void Find_returns_null_for_a_path_that_is_not_there(string path)
    {
        Assert.Null(DocPaths.Find(Application, path));
    }

    [Fact]
    public void The_property_path_drops_indices()
    {
        Assert.Equal("spec.valueFiles", DocPaths.PropertyPath("spec.valueFiles[1]"));
    }
}
