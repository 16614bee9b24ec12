using System.Collections.Concurrent;
using System.Text.Json;
using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Generators.Tests.Support;
using Cogrion.InfraGen.Loading;
using Json.Schema;

namespace Cogrion.InfraGen.Generators.Tests;

/// <summary>
/// The generated <c>out/charts/*/values.schema.json</c> accept every cluster's values file, alone and merged with the
/// chart's <c>values.yaml</c> by Helm's rules (what Helm validates), and reject a wrong type or an unknown key.
/// </summary>
public sealed class SchemaTests
{
    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new(StringComparer.Ordinal);

    public static TheoryData<string, string> ClusterValuesFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var cluster in Directory.EnumerateDirectories(Repository.Path("out", "values")).Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.EnumerateFiles(cluster, "*.yaml").Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(cluster), Path.GetFileNameWithoutExtension(file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ClusterValuesFiles))]
    public void A_cluster_values_file_validates_alone_and_merged_with_the_chart_defaults(string cluster, string chart)
    {
        var file = ClusterValues(cluster, chart);
        var merged = ValuesLayers.Merge(Defaults(chart), file);

        AssertValid(chart, file, $"values/{cluster}/{chart}.yaml");
        AssertValid(chart, merged, $"charts/{chart}/values.yaml + values/{cluster}/{chart}.yaml");
    }

    [Fact]
    public void Every_chart_has_a_draft_07_schema_and_every_cluster_has_values_for_every_chart()
    {
        var charts = Directory.EnumerateDirectories(Repository.Path("out", "charts")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(charts);
        foreach (var chart in charts)
        {
            using var schema = JsonDocument.Parse(File.ReadAllText(Repository.Path("out", "charts", chart!, "values.schema.json")));
            Assert.Equal("http://json-schema.org/draft-07/schema#", schema.RootElement.GetProperty("$schema").GetString());
            var meta = MetaSchemas.Draft7.Evaluate(schema.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(meta.IsValid, $"charts/{chart}/values.schema.json is not a valid draft-07 schema:\n{Errors(meta)}");
        }

        foreach (var cluster in Directory.EnumerateDirectories(Repository.Path("out", "values")))
        {
            Assert.Equal(charts, Directory.EnumerateFiles(cluster, "*.yaml").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void A_values_file_with_a_wrong_type_is_rejected()
    {
        var file = ClusterValues("prod-sgp-1", "control-plane");
        file.Set("replicaCount", DocScalar.String("two"));

        var errors = AssertInvalid("control-plane", file);

        Assert.Contains("/replicaCount", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void A_values_file_with_a_moving_image_tag_is_rejected()
    {
        var file = ClusterValues("prod-sgp-1", "control-plane");
        ((DocMap)file["image"]!).Set("tag", DocScalar.String("latest"));

        var errors = AssertInvalid("control-plane", file);

        Assert.Contains("/image/tag", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("control-plane", "replicas")]
    [InlineData("control-plane", "image.tagg")]
    [InlineData("keycloak", "globl")]
    [InlineData("keycloak", "global.domain")]
    public void A_values_file_with_an_unknown_key_is_rejected(string chart, string key)
    {
        var file = ClusterValues("dev-sgp-1", chart);
        var parts = key.Split('.');
        var parent = parts[..^1].Aggregate(file, (map, part) => (DocMap)map[part]!);
        parent.Add(parts[^1], DocScalar.Integer(2));

        var errors = AssertInvalid(chart, file);

        Assert.Contains("/" + string.Join('/', parts[..^1]), errors, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_value_is_rejected()
    {
        var file = ClusterValues("dev-sgp-1", "control-plane");
        var without = new DocMap();
        foreach (var (key, value) in file.Entries.Where(e => e.Key != "image"))
        {
            without.Add(key, value);
        }

        Assert.Contains("image", AssertInvalid("control-plane", without), StringComparison.Ordinal);
    }

    [Fact]
    public void An_upstream_charts_own_defaults_are_accepted_under_its_key()
    {
        // Helm validates coalesced values: the keycloakx chart's own defaults sit under "keycloakx" beside ours.
        var merged = ValuesLayers.Merge(Defaults("keycloak"), ClusterValues("prod-sgp-1", "keycloak"));
        var keycloakx = (DocMap)merged["keycloakx"]!;
        keycloakx.Add("image", new DocMap { { "repository", "quay.io/keycloak/keycloak" }, { "pullPolicy", "IfNotPresent" } });
        ((DocMap)keycloakx["ingress"]!).Add("annotations", new DocMap());

        AssertValid("keycloak", merged, "keycloak values with upstream defaults");
    }

    private static DocMap ClusterValues(string cluster, string chart) =>
        YamlDocuments.ReadMap(File.ReadAllText(Repository.Path("out", "values", cluster, chart + ".yaml")));

    private static DocMap Defaults(string chart) =>
        YamlDocuments.ReadMap(File.ReadAllText(Repository.Path("out", "charts", chart, "values.yaml")));

    private static JsonSchema Schema(string chart) => Schemas.GetOrAdd(chart, name => JsonSchema.FromText(
        File.ReadAllText(Repository.Path("out", "charts", name, "values.schema.json")),
        baseUri: new Uri($"https://cogrion.invalid/charts/{name}/values.schema.json")));

    private static EvaluationResults Evaluate(string chart, DocMap values)
    {
        using var json = JsonDocument.Parse(YamlDocuments.ToJson(values)!.ToJsonString());
        return Schema(chart).Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static void AssertValid(string chart, DocMap values, string what)
    {
        var results = Evaluate(chart, values);
        Assert.True(results.IsValid, $"{what} does not validate against charts/{chart}/values.schema.json:\n{Errors(results)}");
    }

    private static string AssertInvalid(string chart, DocMap values)
    {
        var results = Evaluate(chart, values);
        Assert.False(results.IsValid, $"charts/{chart}/values.schema.json accepted invalid values.");
        return Errors(results);
    }

    private static string Errors(EvaluationResults results) => string.Join(
        "\n",
        (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}"));
}
