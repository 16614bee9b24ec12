using Cogrion.Infra;
using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Generators.Tests.Support;

namespace Cogrion.InfraGen.Generators.Tests;

/// <summary>
/// <see cref="HelmValuesInfo.PropertyOrigins"/> of the real model, as its build generated them: every dotted key
/// path points at the declaring property's file and 1-based line (list items and dictionary entries share their
/// property's path).
/// </summary>
public sealed class PropertyOriginsTests
{
    private static readonly IReadOnlyList<HelmValuesInfo> Charts = new Cogrion.InfraGen.Generated.InfraCatalog().Charts;

    [Theory]
    [InlineData("control-plane", "image.tag", "model/Values/ImageValues.cs", "public required ImageTag Tag")]
    [InlineData("control-plane", "global.baseDomain", "model/Values/GlobalValues.cs", "public required string BaseDomain")]
    [InlineData("control-plane", "resources.requests.cpu", "model/Values/Resources.cs", "public Cpu? Cpu")]
    [InlineData("control-plane", "replicaCount", "model/Apps/ControlPlane.cs", "public required int ReplicaCount")]
    [InlineData("keycloak", "keycloakx.ingress.rules.host", "model/Apps/Keycloak.cs", "public required string Host")]
    [InlineData("keycloak", "keycloakx.ingress.rules.paths.pathType", "model/Apps/Keycloak.cs", "public string PathType")]
    [InlineData("ingress", "traefik.service.annotations", "model/Apps/Ingress.cs", "public IReadOnlyDictionary<string, string> Annotations")]
    [InlineData("observability", "kube-prometheus-stack.grafana.ingress.hosts", "model/Apps/Observability.cs", "public required IReadOnlyList<string> Hosts")]
    public void A_key_path_points_at_its_property_declaration(string chart, string path, string file, string declaration)
    {
        var origin = Assert.Contains(path, Charts.Single(c => c.ChartName == chart).PropertyOrigins);

        Assert.Equal(Repository.Path(file.Split('/')), origin.File);
        Assert.StartsWith(declaration, File.ReadAllLines(origin.File)[origin.Line - 1].Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_key_of_every_generated_values_file_has_an_origin()
    {
        foreach (var chart in Charts)
        {
            var files = Directory.EnumerateFiles(Repository.Path("out", "values"), chart.ChartName + ".yaml", SearchOption.AllDirectories)
                .Append(Repository.Path("out", "charts", chart.ChartName, "values.yaml"));
            foreach (var file in files)
            {
                // The keys InfraGen supplies come from the cluster, not from a property: `explain` names the cluster for them.
                // So does `global` itself in a chart whose record declares no Global (the platform charts').
                // And the secret store's block of the store app's values (Loading/SecretStoreValues.cs): its region and readers come from the cluster.
                string[] supplied = ["global.region", "global.environment", .. chart.PropertyOrigins.ContainsKey("global") ? Array.Empty<string>() : ["global"]];
                bool Supplied(string path) => supplied.Contains(path)
                    || (!chart.PropertyOrigins.ContainsKey("secretStore") && (path == "secretStore" || path.StartsWith("secretStore.", StringComparison.Ordinal)));
                foreach (var path in KeyPaths(YamlDocuments.ReadMap(File.ReadAllText(file)), string.Empty, chart.PropertyOrigins).Where(p => !Supplied(p)))
                {
                    Assert.True(chart.PropertyOrigins.ContainsKey(path), $"{file}: key '{path}' has no origin.");
                }
            }
        }
    }

    [Fact]
    public void Origins_are_listed_parents_first_in_declaration_order()
    {
        var origins = Charts.Single(c => c.ChartName == "control-plane").PropertyOrigins.Keys.ToList();

        Assert.Equal(["global", "global.baseDomain", "global.workspaceDomain"], origins.Take(3));
        Assert.True(origins.IndexOf("image") < origins.IndexOf("image.tag"));
    }

    /// <summary>Dotted paths of a values document; below a dictionary property (no origin for its entries' keys) it stops.</summary>
    private static IEnumerable<string> KeyPaths(DocNode node, string prefix, IReadOnlyDictionary<string, SourceLocation> origins)
    {
        switch (node)
        {
            case DocMap map when prefix.Length == 0 || map.Entries.Any(e => origins.ContainsKey(prefix + "." + e.Key)):
                foreach (var (key, value) in map.Entries)
                {
                    var path = prefix.Length == 0 ? key : prefix + "." + key;
                    yield return path;
                    foreach (var below in KeyPaths(value, path, origins))
                    {
                        yield return below;
                    }
                }

                break;
            case DocSeq seq:
                foreach (var below in seq.SelectMany(item => KeyPaths(item, prefix, origins)))
                {
                    yield return below;
                }

                break;
        }
    }
}
