namespace Cogrion.InfraGen;

/// <summary>What an app's values function is given: the cluster it renders for, the app, and the app's release there.</summary>
public sealed class AppContext
{
    private readonly Func<ImageTag> _imageTag;

    /// <summary>Creates a context; the pipeline does this, tests may too.</summary>
    public AppContext(Cluster cluster, App app, Func<ImageTag> imageTag)
    {
        Cluster = cluster;
        App = app;
        _imageTag = imageTag;
    }

    /// <summary>The cluster being rendered.</summary>
    public Cluster Cluster { get; }

    /// <summary>The app being rendered (its <see cref="InfraGen.App.SecretName"/>, say).</summary>
    public App App { get; }

    /// <summary>
    /// The image tag deployed for this app on this cluster, from <c>model/releases.yaml</c>.
    /// Reading it when the file has no entry fails the run with the file, cluster and app named.
    /// </summary>
    public ImageTag ImageTag => _imageTag();

    /// <summary>The AWS account the cluster runs in (<see cref="Cluster.AwsAccountId"/>); reading it when the cluster declares none fails the run at the cluster (INFRA1023).</summary>
    public string AwsAccountId => Cluster.AwsAccountId
        ?? throw new MissingClusterInputException(Cluster, App.Name, "AwsAccountId", "AwsAccountId = \"111111111111\"");

    /// <summary>The cluster's VPC (<see cref="Cluster.VpcId"/>); reading it when the cluster declares none fails the run at the cluster (INFRA1023).</summary>
    public string VpcId => Cluster.VpcId
        ?? throw new MissingClusterInputException(Cluster, App.Name, "VpcId", "VpcId = \"vpc-0123456789abcdef0\"");

    /// <summary>
    /// The IAM role Terraform created for this app on this cluster (<see cref="Cluster.IamRoles"/>); reading it when the
    /// cluster declares none for the app fails the run at the cluster (INFRA1023).
    /// </summary>
    public string IamRoleArn => Cluster.IamRoles.Find(App.Name)
        ?? throw new MissingClusterInputException(
            Cluster, App.Name, $"IAM role for app '{App.Name}' (IamRoles)", $"IamRoles = new() {{ [<the {App.Name} app>] = \"arn:aws:iam::{Cluster.AwsAccountId ?? "<account>"}:role/<name>\" }}");
}
