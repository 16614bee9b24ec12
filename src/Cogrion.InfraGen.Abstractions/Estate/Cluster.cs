using System.Runtime.CompilerServices;

namespace Cogrion.InfraGen;

/// <summary>One Kubernetes cluster: an environment in a region, named <c>{env}-{region}</c> (<c>prod-sgp-1</c>).</summary>
/// <remarks>Argo CD runs inside each cluster and manages only that cluster.</remarks>
public sealed record Cluster
{
    /// <summary>Declares a cluster; the declaring line is remembered for error messages.</summary>
    public Cluster(Env env, Region region, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        Env = env;
        Region = region;
        Name = $"{env.Name}-{region.Name}"; // Read for every file of the tree: made once.
        DeclaredAt = new SourceLocation(file, line);
    }

    /// <summary>The environment tier.</summary>
    public Env Env { get; }

    /// <summary>The region.</summary>
    public Region Region { get; }

    /// <summary>The cluster name, <c>{env}-{region}</c>: the name of its apps and values directories.</summary>
    public string Name { get; }

    /// <summary>The API server Argo CD deploys to; Argo CD runs in the cluster it manages.</summary>
    public string Server { get; init; } = "https://kubernetes.default.svc";

    /// <summary>
    /// The Kubernetes version the cluster runs (EKS), as Helm's <c>--kube-version</c> takes it: charts are rendered for it,
    /// as Argo CD renders them with the cluster's own version.
    /// </summary>
    public string KubernetesVersion { get; init; } = "1.34.0";

    // What Terraform creates for the cluster and the platform charts need. Declared per cluster (model/Estate.cs), checked
    // when the model loads (INFRA1024); an app whose values read one the cluster lacks fails at the cluster's line
    // (INFRA1023). Values functions read them through AppContext.

    /// <summary>The AWS account the cluster runs in: 12 digits (Terraform output).</summary>
    public string? AwsAccountId { get; init; }

    /// <summary>The cluster's VPC, <c>vpc-</c> and 8 or 17 hex digits (Terraform output).</summary>
    public string? VpcId { get; init; }

    /// <summary>The EKS cluster's name as Terraform created it; the cluster's <see cref="Name"/> unless set.</summary>
    public string EksClusterName
    {
        get => _eksClusterName ?? Name;
        init => _eksClusterName = value;
    }

    private readonly string? _eksClusterName;

    /// <summary>The IAM role of each app that assumes one (IAM roles for service accounts), by app; ARNs in <see cref="AwsAccountId"/>.</summary>
    public IamRoles IamRoles { get; init; } = new();

    /// <summary>Where the cluster was declared in the model.</summary>
    public SourceLocation DeclaredAt { get; }
}
