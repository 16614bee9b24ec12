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
}
