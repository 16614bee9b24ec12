namespace Cogrion.Infra;

/// <summary>
/// The cogrion estate: every cluster, every app, and the repository Argo CD reads the tree from.
/// Adding a region is one line in <see cref="Define"/>: its files, domains, buckets, secret keys and code owners
/// follow; its image tags are copied into <c>releases.yaml</c> by <c>infragen promote</c> (README: "Add a region").
/// </summary>
[InfraModel]
public sealed class CogrionEstate : IInfraModel
{
    public Estate Define() => new()
    {
        // The model and its output live in one repository; Argo CD reads the tree under out/, and GitHub reads
        // CODEOWNERS only at the repository's .github/, so InfraGen writes the generated one there too.
        Repo = new GitRepo("https://github.com/cogrion/cogrion-infra", "main") { TreePath = "out", CodeOwnersPath = ".github/CODEOWNERS" },
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
