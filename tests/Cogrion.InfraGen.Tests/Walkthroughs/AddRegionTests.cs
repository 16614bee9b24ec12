using System.Text.Json;
using Cogrion.Infra;
using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Generated;
using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Cogrion.InfraGen.Tests.Walkthroughs;

/// <summary>
/// README "Add a region": prod-fra-1 is one declaration in model/Estate.cs, then one `infragen promote` that copies
/// prod-sgp-1's tags into releases.yaml. Run on a copy of the real model's data (charts, releases.yaml) with the real
/// estate plus that one cluster; the end-to-end tests do the same with the real tool and an edited Estate.cs.
/// </summary>
public sealed class AddRegionTests : IDisposable
{
    private static readonly string[] Apps =
        ["argocd", "aws-load-balancer-controller", "control-plane", "external-secrets", "ingress", "keycloak", "observability", "temporal"];

    private static readonly string[] NewFiles =
    [
        .. Apps.Select(a => $"argocd/apps/prod-fra-1/{a}.yaml"),
        "argocd/bootstrap/prod-fra-1.yaml",
        "aws/prod-fra-1/external-secrets-policy.json",
        .. Apps.Select(a => $"values/prod-fra-1/{a}.yaml"),
    ];

    private readonly TempDirectory _temp = new();
    private readonly ModelPaths _paths;
    private readonly TestCatalog _real = new(() => new InfraCatalog().CreateModel().Define());
    private readonly TestCatalog _withFra1 = new(() =>
    {
        var estate = new InfraCatalog().CreateModel().Define();
        return estate with { Clusters = [.. estate.Clusters, Fra1()] };
    });

    public AddRegionTests()
    {
        _paths = new ModelPaths(_temp.Combine("model"), _temp.Combine("out"));
        CopyDirectory(Path.Combine(RealModel.Paths.ModelDirectory, "charts"), Path.Combine(_paths.ModelDirectory, "charts"));
        File.Copy(RealModel.Paths.ReleasesFile, _paths.ReleasesFile);
        File.Copy(RealModel.Paths.FootprintFile, _paths.FootprintFile);
    }

    /// <summary>prod-fra-1 as README "Add a region" declares it: with the account, VPC and IAM roles Terraform made.</summary>
    public static Cluster Fra1() => new(Envs.Prod, Regions.Fra1)
    {
        AwsAccountId = "333333333333",
        VpcId = "vpc-33333333333333333",
        IamRoles = new()
        {
            [ExternalSecrets.App] = "arn:aws:iam::333333333333:role/prod-fra-1-external-secrets",
            [LoadBalancerController.App] = "arn:aws:iam::333333333333:role/prod-fra-1-aws-load-balancer-controller",
        },
    };

    [Fact]
    public void Adding_prod_fra_1_is_one_declaration_and_one_promote_and_changes_no_existing_file_but_the_estate_wide_ones()
    {
        Assert.Equal(0, HostRun.Generate(_real, _paths).ExitCode);
        var before = SnapshotTexts();
        var releasesBefore = File.ReadAllText(_paths.ReleasesFile);

        // The declaration alone: the build says which tags are missing and how to copy them.
        var declared = HostRun.Generate(_withFra1, _paths);
        Assert.Equal(2, declared.ExitCode);
        Assert.Contains("error INFRA1102: No image tag for app 'control-plane' on cluster 'prod-fra-1' in releases.yaml. Copy one from another cluster with `infragen promote --app control-plane --from prod-sgp-1 --to prod-fra-1`", declared.Error);
        Assert.Contains("error INFRA1102: No image tag for app 'temporal' on cluster 'prod-fra-1'", declared.Error);
        Assert.Equal(before, SnapshotTexts());

        var promote = HostRun.Verb(_withFra1, _paths, "promote", "--app", "control-plane", "--app", "temporal", "--from", "prod-sgp-1", "--to", "prod-fra-1");
        Assert.True(promote.ExitCode == 0, promote.Error);

        var after = SnapshotTexts();
        Assert.Equal(NewFiles.Order(StringComparer.Ordinal), after.Keys.Except(before.Keys).Order(StringComparer.Ordinal));
        Assert.Empty(before.Keys.Except(after.Keys));
        var changed = before.Keys.Where(k => before[k] != after[k]).Order(StringComparer.Ordinal);
        Assert.Equal([".github/CODEOWNERS", "README.md"], changed); // They list every cluster; nothing else of sgp-1 moves.
        Assert.All(before.Keys.Where(k => k.StartsWith("argocd/bootstrap/", StringComparison.Ordinal)), k => Assert.Equal(before[k], after[k]));
        Assert.Equal(0, HostRun.Verb(_withFra1, _paths, "check").ExitCode);

        // releases.yaml: the new section, in name order, and nothing else.
        var sgp1 = ReleasesOf(releasesBefore);
        Assert.Equal(
            releasesBefore.Replace("prod-sgp-1:\n", $"prod-fra-1:\n  control-plane: {sgp1.Find("prod-sgp-1", "control-plane")!.Tag}\n  temporal: {sgp1.Find("prod-sgp-1", "temporal")!.Tag}\nprod-sgp-1:\n", StringComparison.Ordinal),
            File.ReadAllText(_paths.ReleasesFile));
    }

    [Fact]
    public void The_new_cluster_s_files_carry_fra_1_s_domains_buckets_region_secret_keys_and_owners()
    {
        Assert.Equal(0, HostRun.Verb(_withFra1, _paths, "promote", "--app", "control-plane", "--app", "temporal", "--from", "prod-sgp-1", "--to", "prod-fra-1").ExitCode);
        var releases = ReleasesOf(File.ReadAllText(_paths.ReleasesFile));

        var controlPlane = Yaml("values/prod-fra-1/control-plane.yaml");
        Assert.Equal("fra-1", At(controlPlane, "global", "region"));
        Assert.Equal("prod", At(controlPlane, "global", "environment"));
        Assert.Equal("cplane.fra-1.cogrion.com", At(controlPlane, "global", "baseDomain"));
        Assert.Equal("fra-1.cogrion.com", At(controlPlane, "global", "workspaceDomain"));
        Assert.Equal("auth.fra-1.cogrion.com", At(controlPlane, "global", "authDomain"));
        Assert.Equal("temporal.fra-1.cogrion.com", At(controlPlane, "global", "temporalDomain"));
        Assert.Equal("grafana.fra-1.cogrion.com", At(controlPlane, "global", "grafanaDomain"));
        Assert.Equal("cogrion-prod-fra-1-artifacts", At(controlPlane, "global", "artifactsBucket"));
        Assert.Equal("cogrion-prod-fra-1-exports", At(controlPlane, "global", "exportsBucket"));
        Assert.Equal(releases.Find("prod-sgp-1", "control-plane")!.Tag.Value, At(controlPlane, "image", "tag"));
        Assert.Equal("2", At(controlPlane, "replicaCount"));

        var temporal = Yaml("values/prod-fra-1/temporal.yaml");
        Assert.Equal(releases.Find("prod-sgp-1", "temporal")!.Tag.Value, At(temporal, "workers", "image", "tag"));
        Assert.Equal("temporal.db.fra-1.cogrion.com", At(temporal, "temporal", "server", "config", "persistence", "default", "sql", "host"));

        var application = Yaml("argocd/apps/prod-fra-1/control-plane.yaml", kind: "Application");
        Assert.Equal("../../values/prod-fra-1/control-plane.yaml", ((YamlSequenceNode)Node(application, "spec", "source", "helm", "valueFiles"))[0].ToString());
        Assert.Equal("out/argocd/apps/prod-fra-1", At(Yaml("argocd/bootstrap/prod-fra-1.yaml", kind: "Application"), "spec", "source", "path"));

        // The store and the roles: eu-central-1, fra-1's account.
        var store = Yaml("values/prod-fra-1/external-secrets.yaml");
        Assert.Equal("eu-central-1", At(store, "secretStore", "awsRegion"));
        Assert.Equal("arn:aws:iam::333333333333:role/prod-fra-1-external-secrets", At(store, "external-secrets", "serviceAccount", "annotations", "eks.amazonaws.com/role-arn"));
        var controller = Yaml("values/prod-fra-1/aws-load-balancer-controller.yaml");
        Assert.Equal("vpc-33333333333333333", At(controller, "aws-load-balancer-controller", "vpcId"));
        Assert.Equal("prod-fra-1", At(controller, "aws-load-balancer-controller", "clusterName"));
        var policy = File.ReadAllText(Path.Combine(_paths.OutDirectory, "aws", "prod-fra-1", "external-secrets-policy.json"));
        Assert.Contains("\"arn:aws:secretsmanager:eu-central-1:333333333333:secret:cogrion/prod/fra-1/database-url-??????\"", policy);

        var secrets = HostRun.Verb(_withFra1, _paths, "secrets", "--cluster", "prod-fra-1", "--format", "json");
        var keys = JsonDocument.Parse(secrets.Output).RootElement.EnumerateArray().ToList();
        Assert.Equal(7, keys.Count);
        Assert.All(keys, k => Assert.Equal("eu-central-1", k.GetProperty("awsRegion").GetString()));
        Assert.Contains("cogrion/prod/fra-1/database-url", keys.Select(k => k.GetProperty("remoteKey").GetString()));
        Assert.All(keys, k => Assert.StartsWith("cogrion/prod/fra-1/", k.GetProperty("remoteKey").GetString()));

        var owners = File.ReadAllText(Path.Combine(_paths.OutDirectory, ".github", "CODEOWNERS"));
        Assert.Contains("/out/values/prod-fra-1/ @cogrion/platform-leads\n", owners);
        Assert.Contains("/out/argocd/apps/prod-fra-1/ @cogrion/platform-leads\n", owners);

        var readme = File.ReadAllText(Path.Combine(_paths.OutDirectory, "README.md"));
        Assert.Contains("| prod-fra-1 | prod (production) | fra-1 | eu-central-1 | 333333333333 | `argocd/bootstrap/prod-fra-1.yaml` |", readme);
        Assert.Contains("kubectl apply -f out/argocd/bootstrap/prod-fra-1.yaml\n", readme);
        Assert.Contains("cp -R out/charts/argocd \"$chart\" && helm dependency build \"$chart\"\n", readme);
        Assert.Contains("helm install argocd \"$chart\" -n argocd --create-namespace -f out/values/prod-fra-1/argocd.yaml\n", readme);
    }

    private Dictionary<string, string> SnapshotTexts() => Hosting.SetImageCommandTests.Texts(_paths.OutDirectory);

    private static Releases ReleasesOf(string text)
    {
        var problems = new List<InfraDiagnostic>();
        var releases = Releases.Parse("releases.yaml", text, problems);
        Assert.Empty(problems);
        return releases;
    }

    /// <summary>The file's document, or of a file of several (an app's, a bootstrap) the one of <paramref name="kind"/>.</summary>
    private YamlMappingNode Yaml(string path, string? kind = null)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(_paths.OutDirectory, path))));
        return (YamlMappingNode)stream.Documents.Select(d => d.RootNode).Single(d => kind is null || ((YamlScalarNode)((YamlMappingNode)d)["kind"]).Value == kind);
    }

    private static YamlNode Node(YamlMappingNode root, params string[] keys) =>
        keys.Aggregate((YamlNode)root, (node, key) => ((YamlMappingNode)node)[key]);

    private static string At(YamlMappingNode root, params string[] keys) => ((YamlScalarNode)Node(root, keys)).Value!;

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => _temp.Dispose();
}
