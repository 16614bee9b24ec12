using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Tests.Support;

namespace Cogrion.InfraGen.Tests.Validation;

/// <summary>
/// The seed's own known traps, written by hand as a person would copy them from the seed, are all refused in one
/// run with the output path and the JSON pointer of each, and out/ stays as it was.
/// </summary>
public sealed class SeedTrapTests : IDisposable
{
    private readonly ValidationHarness _fixture = new();

    [Fact]
    public void The_seed_traps_are_each_reported_with_path_and_pointer_and_nothing_is_written()
    {
        var tree = ValidationHarness.WithApplication(_fixture.Tree, "argocd/bootstrap/prod-sgp-1.yaml", RootWithPruneYes());
        tree = ValidationHarness.WithApplication(tree, "argocd/apps/prod-sgp-1/web.yaml", ChildWithoutDestinationEscapingValues());
        tree = ValidationHarness.With(tree, "charts/web/templates/externalsecret.yaml", ExternalSecretV1Beta1());

        var problems = _fixture.Reject(tree).Select(ValidationHarness.Show).ToList();

        Assert.Contains(problems, p => p.Contains("error INFRA2001: document 2 of 2, Argo CD Application (argoproj.io/v1alpha1, Argo CD v3.5.1): 'yes' (a string) has the wrong type; allowed: a value of type boolean.", StringComparison.Ordinal)
            && p.EndsWith("[out/argocd/bootstrap/prod-sgp-1.yaml /spec/syncPolicy/automated/prune]", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("error INFRA2001:", StringComparison.Ordinal) && p.Contains("required field 'destination' missing", StringComparison.Ordinal)
            && p.EndsWith("[out/argocd/apps/prod-sgp-1/web.yaml /spec]", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("error INFRA2104: valueFiles entry '../../../../etc/x.yaml' leaves the repository root", StringComparison.Ordinal)
            && p.EndsWith("[out/argocd/apps/prod-sgp-1/web.yaml /spec/source/helm/valueFiles/0]", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("error INFRA2002: apiVersion 'external-secrets.io/v1beta1' kind 'ExternalSecret' cannot be validated or served: External Secrets serves only external-secrets.io/v1", StringComparison.Ordinal)
            && p.EndsWith("[out/charts/web/templates/externalsecret.yaml /apiVersion]", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_problem_names_the_model_line_behind_the_file()
    {
        var tree = ValidationHarness.WithApplication(_fixture.Tree, "argocd/bootstrap/prod-sgp-1.yaml", RootWithPruneYes());

        var problem = Assert.Single(_fixture.Validate(tree), p => p.Pointer == "/spec/syncPolicy/automated/prune");

        var cluster = _fixture.Model.Clusters.Single(c => c.Name == "prod-sgp-1");
        Assert.Equal(cluster.DeclaredAt, problem.Location);
        Assert.False(problem.Location.IsUnknown);
    }

    [Fact]
    public void The_fixture_tree_passes_every_rule()
    {
        Assert.Empty(_fixture.Validate(_fixture.Tree));
    }

    /// <summary>The seed's root Application, with the classic string boolean.</summary>
    private static DocMap RootWithPruneYes() => new()
    {
        { "apiVersion", "argoproj.io/v1alpha1" },
        { "kind", "Application" },
        { "metadata", new DocMap { { "name", "root" }, { "namespace", "argocd" } } },
        {
            "spec", new DocMap
            {
                { "project", "default" },
                { "source", new DocMap { { "repoURL", "https://github.com/example/infra" }, { "targetRevision", "main" }, { "path", "out/argocd/apps/prod-sgp-1" } } },
                { "destination", new DocMap { { "server", "https://kubernetes.default.svc" }, { "namespace", "argocd" } } },
                { "syncPolicy", new DocMap { { "automated", new DocMap { { "prune", "yes" }, { "selfHeal", true } } } } },
            }
        },
    };

    /// <summary>A child Application with its destination forgotten and a values path that climbs out of the repository.</summary>
    private static DocMap ChildWithoutDestinationEscapingValues() => new()
    {
        { "apiVersion", "argoproj.io/v1alpha1" },
        { "kind", "Application" },
        { "metadata", new DocMap { { "name", "web" }, { "namespace", "argocd" } } },
        {
            "spec", new DocMap
            {
                { "project", "default" },
                {
                    "source", new DocMap
                    {
                        { "repoURL", "https://github.com/example/infra" },
                        { "targetRevision", "main" },
                        { "path", "out/charts/web" },
                        { "helm", new DocMap { { "valueFiles", new DocSeq { "../../../../etc/x.yaml" } } } },
                    }
                },
                { "syncPolicy", new DocMap { { "automated", new DocMap { { "prune", true }, { "selfHeal", true } } } } },
            }
        },
    };

    /// <summary>The seed's ExternalSecret, on the API version External Secrets no longer serves.</summary>
    private static DocMap ExternalSecretV1Beta1() => new()
    {
        { "apiVersion", "external-secrets.io/v1beta1" },
        { "kind", "ExternalSecret" },
        { "metadata", new DocMap { { "name", "web-secrets" } } },
        {
            "spec", new DocMap
            {
                { "refreshInterval", "5m" },
                { "secretStoreRef", new DocMap { { "name", "aws-secrets-manager" }, { "kind", "ClusterSecretStore" } } },
                { "target", new DocMap { { "name", "web-secrets" } } },
                {
                    "data", new DocSeq
                    {
                        new DocMap { { "secretKey", "DB_PASSWORD" }, { "remoteRef", new DocMap { { "key", "example/{{ .Values.global.environment }}/{{ .Values.global.region }}/db-password" } } } },
                    }
                },
            }
        },
    };

    public void Dispose() => _fixture.Dispose();
}
