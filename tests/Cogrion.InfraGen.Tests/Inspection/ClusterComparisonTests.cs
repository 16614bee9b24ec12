using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Hosting;
using Cogrion.InfraGen.Inspection;
using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Pipeline;
using Cogrion.InfraGen.Rendering;
using Cogrion.InfraGen.Tests.Support;

namespace Cogrion.InfraGen.Tests.Inspection;

/// <summary><c>diff</c>'s comparison is generic over a cluster's files, and its table keeps its columns whatever the keys and values.</summary>
public sealed class ClusterComparisonTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void A_per_cluster_file_of_a_kind_the_comparison_never_heard_of_is_compared_and_one_only_one_cluster_has_is_named()
    {
        var model = ModelLoader.Load(new TestCatalog(FixtureModel.Estate()), FixtureModel.CreateFiles(_temp));
        var tree = InfraPipeline.Render(model);
        var (dev, prod) = (model.Clusters.Single(c => c.Name == "dev-sgp-1"), model.Clusters.Single(c => c.Name == "prod-sgp-1"));
        tree.Add(Extra("policies/dev-sgp-1/limits.yaml", dev, "10"));
        tree.Add(Extra("policies/prod-sgp-1/limits.yaml", prod, "20"));
        tree.Add(Extra("policies/prod-sgp-1/only-prod.yaml", prod, "1"));

        var differences = ClusterComparison.Compare(model, tree, dev, prod, []);

        var files = differences.Clusters!.Files.ToDictionary(f => f.Name);
        var limits = files["policies/<cluster>/limits.yaml"];
        Assert.Equal([new ValueDifference("maxPods", "10", "20", NamesOnly: false)], limits.Differences);
        Assert.Equal("prod-sgp-1", files["policies/<cluster>/only-prod.yaml"].OnlyOn);
        Assert.Contains("argocd/bootstrap/<cluster>.yaml", files.Keys);
        Assert.Equal(["values", "application"], differences.Apps.Single(a => a.Name == "web").Files.Select(f => f.Name));
    }

    [Fact]
    public void Long_keys_go_on_a_line_of_their_own_and_every_change_starts_in_the_same_column()
    {
        var output = new StringWriter { NewLine = "\n" };
        DiffReport.Rows(
            [
                new ValueDifference("image.tag", "sha-a1b2c3d", "sha-9f8e7d6", false),
                new ValueDifference(new string('k', 30) + ".prometheusSpec.resources.requests.memory", "768Mi", "1Gi", false),
                new ValueDifference("replicas", "1", "2", false),
            ],
            "    ",
            output);

        var lines = output.ToString().TrimEnd('\n').Split('\n');
        Assert.Equal(4, lines.Length);
        var column = lines[0].IndexOf("sha-a1b2c3d", StringComparison.Ordinal);
        Assert.Equal("    " + new string('k', 30) + ".prometheusSpec.resources.requests.memory", lines[1]);
        Assert.Equal(column, lines[2].IndexOf("768Mi", StringComparison.Ordinal));
        Assert.Equal(column, lines[3].IndexOf('1'));
        Assert.Equal(4 + DiffReport.KeyColumn + 2, column);
    }

    [Fact]
    public void Long_values_are_cut_around_their_first_difference_so_it_stays_in_sight()
    {
        var same = new string('x', 120);
        var (left, right) = DiffReport.Around($"\"{same}-old-tail\"", $"\"{same}-new-tail\"");

        Assert.StartsWith("…", left);
        Assert.Contains("-old-tail", left);
        Assert.Contains("-new-tail", right);
        Assert.True(left!.Length <= DiffReport.ValueWidth + 2 && right!.Length <= DiffReport.ValueWidth + 2, $"{left} | {right}");
        Assert.Equal(("1", "2"), DiffReport.Around("1", "2"));
    }

    private static RenderedFile Extra(string path, Cluster cluster, string maxPods) =>
        new(path, FileKind.Bootstrap, $"maxPods: {maxPods}\n", [new DocMap { { "maxPods", DocScalar.Integer(int.Parse(maxPods, System.Globalization.CultureInfo.InvariantCulture)) } }], default)
        {
            Cluster = cluster,
        };

    public void Dispose() => _temp.Dispose();
}
