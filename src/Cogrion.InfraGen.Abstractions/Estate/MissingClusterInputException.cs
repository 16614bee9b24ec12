namespace Cogrion.InfraGen;

/// <summary>
/// Thrown by <see cref="AppContext"/> when an app's values read a Terraform input (AWS account, VPC, IAM role) that the
/// cluster does not declare. The pipeline reports it at the cluster's declaration, naming the input and the app.
/// </summary>
public sealed class MissingClusterInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="cluster">The cluster being rendered.</param>
    /// <param name="app">The app whose values read the input.</param>
    /// <param name="input">The <see cref="Cluster"/> property (<c>IamRoles[…]</c>, <c>AwsAccountId</c>).</param>
    /// <param name="example">What a correct declaration looks like.</param>
    public MissingClusterInputException(Cluster cluster, string app, string input, string example)
        : base($"Cluster '{cluster.Name}' declares no {input}, which app '{app}' reads.")
    {
        Cluster = cluster;
        App = app;
        Input = input;
        Example = example;
    }

    /// <summary>The cluster being rendered.</summary>
    public Cluster Cluster { get; }

    /// <summary>The app whose values read the input.</summary>
    public string App { get; }

    /// <summary>The missing <see cref="Cluster"/> property.</summary>
    public string Input { get; }

    /// <summary>What a correct declaration looks like.</summary>
    public string Example { get; }
}
