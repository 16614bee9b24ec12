namespace Cogrion.InfraGen;

/// <summary>
/// What secret material looks like, once: the patterns the output policy (INFRA2202) and the analyzers (INFRA0006,
/// INFRA0007) search for.
/// </summary>
/// <remarks>
/// Also compiled into the source generator (linked file, as <see cref="DnsLabel"/> is), so the IDE and the build agree
/// on what a secret is. Constants only: the pipeline compiles them with <c>[GeneratedRegex]</c>, the generator
/// (netstandard2.0) with <c>new Regex</c>.
/// </remarks>
internal static class SecretPatterns
{
    /// <summary>
    /// AWS access key IDs and the other unique IDs of IAM (AKIA long-term and ASIA temporary keys; AGPA groups, AIDA users,
    /// AROA roles, ANPA/ANVA managed policies, AIPA instance profiles): the prefix and 16 upper-case letters or digits.
    /// </summary>
    public const string AwsAccessKeyId = @"(?<![A-Z0-9])(AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}(?![A-Z0-9])";

    /// <summary>PEM and PGP private keys: <c>-----BEGIN RSA PRIVATE KEY-----</c>, <c>-----BEGIN PGP PRIVATE KEY BLOCK-----</c>, …</summary>
    public const string PrivateKeyBlock = @"-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----";

    /// <summary>
    /// A word that makes a name one of a secret (matched ignoring case, anywhere in the name): password, passwd, secret,
    /// token, API key (<c>apikey</c>, <c>api-key</c>, <c>api_key</c>), credential.
    /// </summary>
    public const string SecretWord = @"(password|passwd|secret|token|api[-_]?key|credential)";
}
