namespace Cogrion.Infra;

/// <summary>An upstream chart's ServiceAccount that assumes an IAM role (IAM roles for service accounts).</summary>
public partial record IrsaServiceAccount
{
    /// <summary>The account's name: fixed, so the role's trust policy can name it whatever the release is called.</summary>
    public required string Name { get; init; }

    /// <summary>The annotation EKS's pod identity webhook reads: the role the pods run as.</summary>
    public required IReadOnlyDictionary<string, string> Annotations { get; init; }

    /// <summary>The account <paramref name="name"/> in the app's role on the cluster (Cluster.IamRoles, from Terraform).</summary>
    public static IrsaServiceAccount For(Cogrion.InfraGen.AppContext context, string name) => new()
    {
        Name = name,
        Annotations = new Dictionary<string, string> { ["eks.amazonaws.com/role-arn"] = context.IamRoleArn },
    };
}
