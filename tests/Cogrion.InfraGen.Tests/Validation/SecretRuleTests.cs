using Cogrion.InfraGen.Validation.Policy;

namespace Cogrion.InfraGen.Tests.Validation;

// These tests feed secret-looking literals to the run-time policy check on purpose (INFRA2202); the compile-time
// analyzers that would refuse them in a model (INFRA0006, INFRA0007) are silenced here only.
#pragma warning disable INFRA0006, INFRA0007

/// <summary>References to secrets pass; secret material does not (<see cref="SecretRule"/>, shared with the analyzers).</summary>
public sealed class SecretRuleTests
{
    [Theory]
    [InlineData("keycloak-secrets")]
    [InlineData("observability-secrets")]
    [InlineData("keycloak-admin-password")]
    [InlineData("KEYCLOAK_CLIENT_SECRET")]
    [InlineData("db-password")]
    [InlineData("aws-secrets-manager")]
    [InlineData("postgres12")]
    [InlineData("cogrion/{{ .Values.global.environment }}/x")]
    [InlineData("short1!")]
    public void Names_and_references_are_not_material(string value) => Assert.False(SecretRule.LooksLikeMaterial(value));

    [Theory]
    [InlineData("P@ssw0rd-9fX2q!")]
    [InlineData("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")]
    [InlineData("3f9a0c7d5e1b2a4c6d8e0f1a2b3c4d5e")]
    [InlineData("ghp_a8Fk2LmQ9zXw4Tn7Rb1Vc6Yd3Hs5Jp0Ku")]
    [InlineData("a1b2c3d4")] // eight distinct characters: exactly 3 bits each, the threshold
    public void High_entropy_values_are_material(string value) => Assert.True(SecretRule.LooksLikeMaterial(value));

    [Theory]
    [InlineData(null, "AKIAIOSFODNN7EXAMPLE", "an AWS access key ID")]
    [InlineData("config", "-----BEGIN RSA PRIVATE KEY-----", "a private key")]
    [InlineData("apiToken", "a8Fk2LmQ9zXw4Tn7", "a high-entropy value under 'apiToken'")]
    [InlineData("adminPassword", "changeme", "a literal value under 'adminPassword'")] // a word, but a password's value all the same
    [InlineData("apiKey", "hunter2", "a literal value under 'apiKey'")]
    [InlineData("aws_secret_access_key", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "a high-entropy value under 'aws_secret_access_key'")]
    [InlineData("note", "a8Fk2LmQ9zXw4Tn7", null)]
    [InlineData("existingSecret", "keycloak-secrets", null)]
    [InlineData("secretKey", "admin-password", null)] // an ExternalSecret's key in the Secret it makes
    [InlineData("passwordKey", "db-password", null)]
    [InlineData("adminPassword", "", null)]
    [InlineData("adminPassword", "{{ .Values.x }}", null)]
    public void Keys_decide_where_literals_and_entropy_count(string? key, string value, string? expected) =>
        Assert.Equal(expected, SecretMaterialPolicy.Describe(key, value));
}
