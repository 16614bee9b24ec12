using System.Text.Json;
using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Generated;
using Cogrion.InfraGen.Inspection;
using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Tests.Support;

namespace Cogrion.InfraGen.Tests.Hosting;

public sealed class SecretsCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly TestCatalog _catalog = new(FixtureModel.Estate());

    [Fact]
    public void The_inventory_lists_each_cluster_s_remote_keys_with_region_app_and_secret_key()
    {
        var run = Secrets();

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\ndev-sgp-1 (AWS region ap-southeast-1): 1 key(s)\n  example/dev/sgp-1/db-password  app web: Secret web/web-secrets key DB_PASSWORD\n", run.Output);
        Assert.Contains("\nprod-sgp-1 (AWS region ap-southeast-1): 1 key(s)\n  example/prod/sgp-1/db-password  app web: Secret web/web-secrets key DB_PASSWORD\n", run.Output);
        Assert.True(run.Output.IndexOf("dev-sgp-1 (", StringComparison.Ordinal) < run.Output.IndexOf("prod-sgp-1 (", StringComparison.Ordinal));
    }

    [Fact]
    public void Cluster_narrows_the_inventory_and_json_is_for_scripts()
    {
        var run = Secrets("--cluster", "prod-sgp-1", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var entry = Assert.Single(JsonDocument.Parse(run.Output).RootElement.EnumerateArray());
        Assert.Equal(
            """{"cluster":"prod-sgp-1","awsRegion":"ap-southeast-1","remoteKey":"example/prod/sgp-1/db-password","app":"web","namespace":"web","secret":"web-secrets","secretKey":"DB_PASSWORD"}""",
            JsonSerializer.Serialize(entry));
    }

    [Theory]
    [InlineData(new[] { "--cluster", "nowhere" }, "infragen: error INFRA1021: secrets: no cluster 'nowhere'; the clusters are dev-sgp-1, prod-sgp-1. Nothing was changed.")]
    [InlineData(new[] { "--format", "xml" }, "Argument 'xml' not recognized. Must be one of")]
    public void An_unknown_cluster_or_format_exits_2(string[] args, string message)
    {
        var run = Secrets(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error);
    }

    /// <summary>
    /// The inventory and the generated ExternalSecrets agree: each chart's remote keys, with the cluster's own
    /// global.environment and global.region put in for the Helm expressions, are exactly the cluster's inventory.
    /// </summary>
    [Fact]
    public void The_real_inventory_is_what_the_generated_ExternalSecrets_read_on_each_cluster()
    {
        var model = ModelLoader.Load(new InfraCatalog(), RealModel.Paths);
        Assert.NotEmpty(SecretInventory.For(model));
        foreach (var cluster in model.Clusters)
        {
            var expected = new List<string>();
            foreach (var app in model.Apps.Where(a => a.Secrets.Count > 0))
            {
                var global = (DocMap)model.Find(cluster, app)!.Effective["global"]!;
                var externalSecret = (DocMap)RealModel.Tree.Files[$"charts/{app.Name}/templates/externalsecret.yaml"].Documents[0];
                var data = (DocSeq)((DocMap)externalSecret["spec"]!)["data"]!;
                expected.AddRange(data.Cast<DocMap>().Select(d => ((DocScalar)((DocMap)d["remoteRef"]!)["key"]!).Text
                    .Replace("{{ .Values.global.environment }}", ((DocScalar)global["environment"]!).Text, StringComparison.Ordinal)
                    .Replace("{{ .Values.global.region }}", ((DocScalar)global["region"]!).Text, StringComparison.Ordinal)));
            }

            var inventory = SecretInventory.For(model, cluster);
            Assert.Equal(expected.Order(StringComparer.Ordinal), inventory.Select(e => e.RemoteKey).Order(StringComparer.Ordinal));
            Assert.All(inventory, e => Assert.StartsWith($"cogrion/{cluster.Env.Name}/{cluster.Region.Name}/", e.RemoteKey));
            Assert.All(inventory, e => Assert.Equal(cluster.Region.AwsRegion, e.AwsRegion));
        }
    }

    private HostRun Secrets(params string[] args) => HostRun.Verb(_catalog, FixtureModel.CreateFiles(_temp), ["secrets", .. args]);

    public void Dispose() => _temp.Dispose();
}
