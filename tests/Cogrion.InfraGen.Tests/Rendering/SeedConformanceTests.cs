using Cogrion.InfraGen.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Cogrion.InfraGen.Tests.Rendering;

/// <summary>
/// The seed's examples, field for field: every field the seed shows has the seed's value in the generated file.
/// Two differences are deliberate and asserted here: Argo CD paths start with the tree's place in the repository
/// (out/), since the seed's paths would not resolve; and image.tag is a pinned sha- tag where the seed leaves "".
/// </summary>
public class SeedConformanceTests
{
    // The seed's argocd/root/prod-sgp-1.yaml, with the per-cluster path the seed recommends.
    private const string SeedRoot = """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: root
          namespace: argocd
        spec:
          project: default
          source:
            repoURL: https://github.com/cogrion/cogrion-infra
            targetRevision: main
            path: argocd/apps/prod-sgp-1
          destination:
            server: https://kubernetes.default.svc
            namespace: argocd
          syncPolicy:
            automated:
              prune: true
              selfHeal: true
        """;

    // The seed's child Application for control-plane on prod-sgp-1.
    private const string SeedChild = """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: control-plane
          namespace: argocd
        spec:
          project: default
          source:
            repoURL: https://github.com/cogrion/cogrion-infra
            targetRevision: main
            path: charts/control-plane
            helm:
              valueFiles:
                - ../../values/prod-sgp-1/control-plane.yaml
          destination:
            server: https://kubernetes.default.svc
            namespace: control-plane
          syncPolicy:
            automated:
              prune: true
              selfHeal: true
            syncOptions:
              - CreateNamespace=true
        """;

    private const string SeedProdValues = """
        global:
          region: sgp-1
          environment: prod
          baseDomain: cplane.sgp-1.cogrion.com
          workspaceDomain: sgp-1.cogrion.com
          authDomain: auth.sgp-1.cogrion.com
          temporalDomain: temporal.sgp-1.cogrion.com
          grafanaDomain: grafana.sgp-1.cogrion.com
          artifactsBucket: cogrion-prod-sgp-1-artifacts
          exportsBucket: cogrion-prod-sgp-1-exports
        image:
          repository: ghcr.io/cogrion/control-plane
          tag: ""
        replicaCount: 2
        resources:
          requests:
            cpu: 250m
            memory: 512Mi
          limits:
            memory: 1Gi
        """;

    private const string SeedDevValues = """
        global:
          region: sgp-1
          environment: dev
          baseDomain: cplane.dev.sgp-1.cogrion.com
          workspaceDomain: dev.sgp-1.cogrion.com
          authDomain: auth.dev.sgp-1.cogrion.com
          temporalDomain: temporal.dev.sgp-1.cogrion.com
          grafanaDomain: grafana.dev.sgp-1.cogrion.com
          artifactsBucket: cogrion-dev-sgp-1-artifacts
          exportsBucket: cogrion-dev-sgp-1-exports
        image:
          repository: ghcr.io/cogrion/control-plane
          tag: ""
        replicaCount: 1
        resources:
          requests:
            cpu: 100m
            memory: 256Mi
          limits:
            memory: 512Mi
        """;

    // On purpose, the generated root and children differ from the seed in their project: the seed puts every
    // Application in Argo CD's `default` project (every namespace, every cluster-scoped kind); here the root has its own
    // (it may create AppProjects and Applications in argocd, nothing else) and each app one of exactly what it renders.
    // And the seed's argocd/root/<cluster>.yaml is the second document of the bootstrap (README "How the output maps").

    [Fact]
    public void The_root_application_is_the_seeds_with_the_path_under_out_in_its_own_project_in_the_bootstrap()
    {
        var seed = Parse(SeedRoot);
        Set(seed, "spec.source.path", "out/argocd/apps/prod-sgp-1");
        Set(seed, "spec.project", "root");
        AssertHasEveryField(seed, Generated("argocd/bootstrap/prod-sgp-1.yaml"), "");
        Assert.DoesNotContain("argocd/root/prod-sgp-1.yaml", RealModel.Tree.Files.Keys);
    }

    [Fact]
    public void Every_cluster_has_a_root_application_watching_its_own_apps_directory()
    {
        var dev = Generated("argocd/bootstrap/dev-sgp-1.yaml");
        Assert.Equal("out/argocd/apps/dev-sgp-1", Scalar(dev, "spec.source.path"));
        Assert.Equal("root", Scalar(dev, "metadata.name"));
    }

    [Fact]
    public void The_control_plane_application_is_the_seeds_with_the_chart_path_under_out_in_its_own_project()
    {
        var seed = Parse(SeedChild);
        Set(seed, "spec.source.path", "out/charts/control-plane");
        Set(seed, "spec.project", "control-plane");
        AssertHasEveryField(seed, Generated("argocd/apps/prod-sgp-1/control-plane.yaml"), "");
    }

    [Fact]
    public void The_value_file_path_resolves_from_the_chart_path_to_the_clusters_values_file()
    {
        var app = Generated("argocd/apps/dev-sgp-1/control-plane.yaml");
        var chart = Scalar(app, "spec.source.path");
        var valueFile = ((YamlScalarNode)((YamlSequenceNode)Node(app, "spec.source.helm.valueFiles")).Children.Single()).Value!;
        var resolved = Path.GetRelativePath("/repo", Path.GetFullPath(Path.Combine("/repo", chart, valueFile))).Replace('\\', '/');
        Assert.Equal("out/values/dev-sgp-1/control-plane.yaml", resolved);
        Assert.True(RealModel.Tree.Files.ContainsKey(resolved["out/".Length..]));
    }

    [Theory]
    [InlineData("prod-sgp-1", SeedProdValues)]
    [InlineData("dev-sgp-1", SeedDevValues)]
    public void The_control_plane_values_are_the_seeds_with_a_pinned_tag(string cluster, string seedText)
    {
        var generated = Generated($"values/{cluster}/control-plane.yaml");
        var tag = Scalar(generated, "image.tag");
        Assert.True(ImageTag.IsValid(tag), tag);
        var seed = Parse(seedText);
        Set(seed, "image.tag", tag);
        AssertHasEveryField(seed, generated, "");
        Assert.Equal(
            ((YamlMappingNode)seed).Children.Keys.Select(k => k.ToString()),
            ((YamlMappingNode)generated).Children.Keys.Select(k => k.ToString()));
    }

    [Fact]
    public void Image_tags_are_the_seeds_deployed_examples()
    {
        Assert.Equal("sha-a1b2c3d", Scalar(Generated("values/dev-sgp-1/control-plane.yaml"), "image.tag"));
        Assert.Equal("sha-9f8e7d6", Scalar(Generated("values/prod-sgp-1/control-plane.yaml"), "image.tag"));
    }

    [Fact]
    public void Every_cluster_has_the_seeds_files_for_each_of_the_five_apps()
    {
        string[] apps = ["control-plane", "keycloak", "temporal", "observability", "ingress"];
        foreach (var cluster in new[] { "dev-sgp-1", "prod-sgp-1" })
        {
            Assert.Contains($"argocd/bootstrap/{cluster}.yaml", RealModel.Tree.Files.Keys);
            foreach (var app in apps)
            {
                Assert.Contains($"argocd/apps/{cluster}/{app}.yaml", RealModel.Tree.Files.Keys);
                Assert.Contains($"values/{cluster}/{app}.yaml", RealModel.Tree.Files.Keys);
                Assert.Contains($"charts/{app}/Chart.yaml", RealModel.Tree.Files.Keys);
                Assert.Contains($"charts/{app}/values.yaml", RealModel.Tree.Files.Keys);
            }
        }
    }

    [Fact]
    public void The_external_secret_uses_v1_and_the_seeds_key_convention()
    {
        var secret = Generated("charts/control-plane/templates/externalsecret.yaml");
        Assert.Equal("external-secrets.io/v1", Scalar(secret, "apiVersion"));
        var data = (YamlSequenceNode)Node(secret, "spec.data");
        Assert.Equal(
            ["cogrion/{{ .Values.global.environment }}/{{ .Values.global.region }}/database-url",
             "cogrion/{{ .Values.global.environment }}/{{ .Values.global.region }}/keycloak-client-secret"],
            data.Children.Select(d => Scalar(d, "remoteRef.key")));
        Assert.Equal("aws-secrets-manager", Scalar(secret, "spec.secretStoreRef.name"));
        Assert.Equal("ClusterSecretStore", Scalar(secret, "spec.secretStoreRef.kind"));
    }

    [Fact]
    public void The_bootstrap_holds_only_the_roots_project_and_the_root_and_needs_nothing_but_Argo_CDs_CRDs()
    {
        var text = RealModel.Tree.Files["argocd/bootstrap/prod-sgp-1.yaml"].Text;
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        Assert.Equal(["AppProject", "Application"], stream.Documents.Select(d => Scalar(d.RootNode, "kind")));
        Assert.All(stream.Documents, d => Assert.Equal("argoproj.io/v1alpha1", Scalar(d.RootNode, "apiVersion")));
        var project = stream.Documents[0].RootNode;
        Assert.Equal("root", Scalar(project, "metadata.name"));
        Assert.Equal("argocd", Scalar(((YamlSequenceNode)Node(project, "spec.destinations")).Children.Single(), "namespace"));
        Assert.Empty((YamlSequenceNode)Node(project, "spec.clusterResourceWhitelist"));
        Assert.Equal(["AppProject", "Application"], ((YamlSequenceNode)Node(project, "spec.namespaceResourceWhitelist")).Children.Select(k => Scalar(k, "kind")));
    }

    /// <summary>The one document of a file, or the Application of a file that holds several (an app's, the bootstrap).</summary>
    private static YamlNode Generated(string path)
    {
        Assert.True(RealModel.Tree.Files.TryGetValue(path, out var file), $"{path} is not generated");
        var text = file!.Text;
        var stream = new YamlStream();
        stream.Load(new StringReader(text.StartsWith("{{", StringComparison.Ordinal) ? text[(text.IndexOf('\n') + 1)..] : text));
        return stream.Documents.Count == 1
            ? stream.Documents[0].RootNode
            : stream.Documents.Single(d => Scalar(d.RootNode, "kind") == "Application").RootNode;
    }

    private static YamlNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Single().RootNode;
    }

    private static YamlNode Node(YamlNode root, string path) =>
        path.Split('.').Aggregate(root, (node, key) => ((YamlMappingNode)node).Children[new YamlScalarNode(key)]);

    private static string Scalar(YamlNode root, string path) => ((YamlScalarNode)Node(root, path)).Value!;

    private static void Set(YamlNode root, string path, string value)
    {
        var keys = path.Split('.');
        var parent = (YamlMappingNode)Node(root, string.Join('.', keys[..^1]));
        parent.Children[new YamlScalarNode(keys[^1])] = new YamlScalarNode(value);
    }

    /// <summary>Every field of <paramref name="seed"/> is in <paramref name="actual"/> with the same value and style of type.</summary>
    private static void AssertHasEveryField(YamlNode seed, YamlNode actual, string at)
    {
        switch (seed)
        {
            case YamlMappingNode map:
                var actualMap = Assert.IsType<YamlMappingNode>(actual);
                foreach (var (key, value) in map.Children)
                {
                    Assert.True(actualMap.Children.TryGetValue(key, out var other), $"missing field {at}.{key}");
                    AssertHasEveryField(value, other!, $"{at}.{key}");
                }

                break;
            case YamlSequenceNode sequence:
                var actualSequence = Assert.IsType<YamlSequenceNode>(actual);
                Assert.Equal(sequence.Children.Count, actualSequence.Children.Count);
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    AssertHasEveryField(sequence.Children[i], actualSequence.Children[i], $"{at}[{i}]");
                }

                break;
            case YamlScalarNode scalar:
                var actualScalar = Assert.IsType<YamlScalarNode>(actual);
                Assert.True(scalar.Value == actualScalar.Value, $"{at}: seed '{scalar.Value}', generated '{actualScalar.Value}'");
                break;
        }
    }
}
