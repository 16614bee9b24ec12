using System.Text.Json;
using Cogrion.InfraGen.Generators.Rules;

namespace Cogrion.InfraGen.Generators.Tests;

/// <summary>The rules the generator and analyzers apply, held to the vocabulary's own rules where both exist.</summary>
public sealed class RuleTests
{
    [Theory]
    [InlineData("sha-a1b2c3d", true)]
    [InlineData("sha-0123456789abcdef0123456789abcdef01234567", true)]
    [InlineData("sha-0123456789abcdef0123456789abcdef012345678", false)] // 41 hex digits
    [InlineData("sha-a1b2c3", false)]
    [InlineData("sha-A1B2C3D", false)]
    [InlineData("sha-a1b2c3g", false)]
    [InlineData("latest", false)]
    [InlineData("LATEST", false)]
    [InlineData("", false)]
    [InlineData("a1b2c3d", false)]
    [InlineData("sha-a1b2c3d ", false)]
    [InlineData("sha-a1b2c3d\n", false)] // .NET's $ matches before a final line break: ImageTag let this through (issue 15)
    [InlineData("sha-a1b2c3d\r\n", false)]
    [InlineData("\nsha-a1b2c3d", false)]
    public void The_image_tag_analyzer_agrees_with_ImageTag(string tag, bool valid)
    {
        // Both against the rule itself, not only against each other: two equal mistakes would otherwise agree.
        Assert.Equal(valid, ImageTag.IsValid(tag));
        Assert.Equal(valid, ImageTagRule.Problem(tag) is null);
    }

    [Theory]
    [InlineData("ReplicaCount")]
    [InlineData("URLValue")]
    [InlineData("IPAddress")]
    [InlineData("ID")]
    [InlineData("A")]
    [InlineData("already")]
    [InlineData("HTTPSPort")]
    [InlineData("S3Bucket")]
    [InlineData("X509Cert")]
    public void YAML_keys_are_camelCase_as_System_Text_Json_makes_it(string name)
    {
        Assert.Equal(JsonNamingPolicy.CamelCase.ConvertName(name), InfraGenGenerator.Parser.CamelCase(name));
    }

    [Theory]
    [InlineData("Password", true)]
    [InlineData("AdminPassword", true)]
    [InlineData("ApiToken", true)]
    [InlineData("ClientSecret", true)]
    [InlineData("dbPasswd", true)]
    [InlineData("ExistingSecret", false)]
    [InlineData("ExistingSecretKey", false)]
    [InlineData("PasswordKey", false)]
    [InlineData("TokenSecretName", false)]
    [InlineData("SecretRefreshInterval", false)]
    [InlineData("TokenUrl", false)]
    [InlineData("UserKey", false)]
    [InlineData("Host", false)]
    [InlineData("DbCredential", true)] // the output policy's secret words, shared (SecretPatterns)
    [InlineData("ApiKey", false)] // ends in Key: a reference, as before
    public void A_property_holds_a_secret_when_its_name_says_so_and_does_not_refer_to_one(string name, bool holds)
    {
        Assert.Equal(holds, SecretRules.HoldsSecret(name));
    }

    [Theory]
    [InlineData("AKIAIOSFODNN7EXAMPLE", "an AWS access key id")]
    [InlineData("key=ASIAY34FZKBOKMUTVV7A", "an AWS access key id")]
    [InlineData("XAKIAIOSFODNN7EXAMPLE", null)]
    [InlineData("AKIAIOSFODNN7EXAMPL", null)]
    [InlineData("-----BEGIN OPENSSH PRIVATE KEY-----", "a private key")]
    [InlineData("-----BEGIN PGP PRIVATE KEY BLOCK-----", "a private key")]
    [InlineData("-----BEGIN PUBLIC KEY-----", null)]
    [InlineData("db-password", null)]
    [InlineData("AROAIOSFODNN7EXAMPLE", "an AWS access key id")] // a role ID: the output policy's prefixes, shared
    [InlineData("-----BEGIN ENCRYPTED PRIVATE KEY-----", "a private key")]
    public void A_literal_looks_like_a_secret_only_by_its_shape(string text, string? what)
    {
        Assert.Equal(what, SecretRules.LooksLike(text));
    }

    [Theory]
    [InlineData("AKIAIOSFODNN7EXAMPLE")]
    [InlineData("AGPAIOSFODNN7EXAMPLE")]
    [InlineData("AIDAIOSFODNN7EXAMPLE")]
    [InlineData("AIPAIOSFODNN7EXAMPLE")]
    [InlineData("XAKIAIOSFODNN7EXAMPLE")]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----")]
    [InlineData("-----BEGIN  PRIVATE KEY-----")]
    [InlineData("-----BEGIN PGP PRIVATE KEY BLOCK-----")]
    [InlineData("-----BEGIN PUBLIC KEY-----")]
    [InlineData("keycloak-db-password")]
    public void The_secret_literal_analyzer_finds_what_the_output_policy_finds(string text)
    {
        // One set of patterns (SecretPatterns, linked into the generator): a literal the build would refuse in out/ is
        // flagged in the IDE, and nothing else.
        var policy = Cogrion.InfraGen.Validation.Policy.SecretMaterialPolicy.Describe(null, text);
        Assert.Equal(policy is null, SecretRules.LooksLike(text) is null);
    }
}
