namespace Cogrion.InfraGen;

/// <summary>A region the platform runs in; the second half of a cluster name.</summary>
/// <param name="Name">The platform's short region name, a DNS-1123 label (<c>sgp-1</c>, <c>fra-1</c>).</param>
/// <param name="AwsRegion">The AWS region that hosts it (<c>ap-southeast-1</c>), used by the secret store.</param>
public sealed record Region(string Name, string AwsRegion);
