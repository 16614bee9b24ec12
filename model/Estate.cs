namespace Cogrion.Infra;

/// <summary>
/// The cogrion estate: every cluster, every app, and the repository Argo CD reads the tree from.
/// Adding a region is one line in <see cref="Define"/>: its files, domains, buckets and secret keys follow.
/// </summary>
[InfraModel]
public sealed class CogrionEstate : IInfraModel
{
    public Estate Define() => new()
    {
        // The model and its output live in one repository; Argo CD reads the tree under out/.
        Repo = new GitRepo("https://github.com/cogrion/cogrion-infra", "main") { TreePath = "out" },
        Clusters =
        [
            new Cluster(Envs.Dev, Regions.Sgp1),
            new Cluster(Envs.Prod, Regions.Sgp1),
        ],
        Apps = [ControlPlane.App, Keycloak.App, Temporal.App, Observability.App, Ingress.App],
        SecretKey = Conventions.SecretKey,
        ClusterDomain = Conventions.WorkspaceDomain,
    };
}
