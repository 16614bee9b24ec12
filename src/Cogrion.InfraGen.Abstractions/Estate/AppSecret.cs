namespace Cogrion.InfraGen;

/// <summary>
/// One value an app reads from AWS Secrets Manager through External Secrets. The app gets a Kubernetes
/// Secret (<see cref="App.SecretName"/>, <c>{app}-secrets</c>) with key <paramref name="SecretKey"/>, filled from the remote key the
/// estate's <see cref="Estate.SecretKey"/> convention builds from the cluster and <paramref name="RemoteName"/>.
/// </summary>
/// <param name="SecretKey">The key inside the Kubernetes Secret, usually an environment variable name.</param>
/// <param name="RemoteName">The last segment of the remote key (<c>database-url</c>).</param>
public sealed record AppSecret(string SecretKey, string RemoteName);
