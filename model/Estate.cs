namespace Cogrion.Infra;

/// <summary>
/// The cogrion estate: every cluster, every app, and the repository Argo CD reads the tree from.
/// Adding a region is one declaration in <see cref="Define"/>, with the IDs Terraform made for it: its files, domains,
/// buckets, secret keys, IAM policy and code owners follow; its image tags are copied into <c>releases.yaml</c> by
/// <c>infragen promote</c> (README: "Add a region").
/// </summary>
[InfraModel]
public sealed class CogrionEstate : IInfraModel
{
    public Estate Define() => new()
    {
        // The model and its output live in one repository; Argo CD reads the tree under out/, and GitHub reads
        // CODEOWNERS only at the repository's .github/, so InfraGen writes the generated one there too.
        Repo = new GitRepo("https://github.com/cogrion/cogrion-infra", "main") { TreePath = "out", CodeOwnersPath = ".github/CODEOWNERS" },

        // Each cluster's AWS account, VPC and IAM roles are Terraform outputs. These are placeholders (fake accounts
        // 111111111111 and 222222222222) until Terraform's real ones are filled in.
        Clusters =
        [
            new Cluster(Envs.Dev, Regions.Sgp1)
            {
                AwsAccountId = "111111111111",
                VpcId = "vpc-11111111111111111",
                IamRoles = new()
                {
                    [ExternalSecrets.App] = "arn:aws:iam::111111111111:role/dev-sgp-1-external-secrets",
                    [LoadBalancerController.App] = "arn:aws:iam::111111111111:role/dev-sgp-1-aws-load-balancer-controller",
                },
            },
            new Cluster(Envs.Prod, Regions.Sgp1)
            {
                AwsAccountId = "222222222222",
                VpcId = "vpc-22222222222222222",
                IamRoles = new()
                {
                    [ExternalSecrets.App] = "arn:aws:iam::222222222222:role/prod-sgp-1-external-secrets",
                    [LoadBalancerController.App] = "arn:aws:iam::222222222222:role/prod-sgp-1-aws-load-balancer-controller",
                },
            },
        ],
        Apps =
        [
            ArgoCd.App, ExternalSecrets.App, LoadBalancerController.App,
            ControlPlane.App, Keycloak.App, Temporal.App, Observability.App, Ingress.App,
        ],
        ArgoCdApp = ArgoCd.App,
        SecretStoreApp = ExternalSecrets.App,
        SecretKey = Conventions.SecretKey,
        ClusterDomain = Conventions.WorkspaceDomain,
    };
}
