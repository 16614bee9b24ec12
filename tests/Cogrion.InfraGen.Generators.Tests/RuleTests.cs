using System.Text.Json;
using System.Text.RegularExpressions;

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
    [InlineData("DbCredential", true)]
    [InlineData("DbCredentials", true)]
    [InlineData("ApiKey", true)] // the secret word is "api key": nothing after it makes it a reference
    [InlineData("api_key", true)]
    [InlineData("ExistingSecret", false)]
    [InlineData("ExistingSecretKey", false)]
    [InlineData("PasswordKey", false)]
    [InlineData("secret_key", false)] // as secretKey: a key in a Secret (its value, if material, is caught by entropy)
    [InlineData("TokenSecretName", false)]
    [InlineData("SecretRefreshInterval", false)]
    [InlineData("TokenUrl", false)]
    [InlineData("PasswordMonkey", true)] // "key" inside a word is no reference
    [InlineData("UserKey", false)]
    [InlineData("Host", false)]
    public void A_name_holds_a_secret_when_it_says_so_and_does_not_refer_to_one(string name, bool holds)
    {
        Assert.Equal(holds, SecretRule.HoldsSecret(name));
        Assert.Equal(holds, SecretRule.HoldsSecret(InfraGenGenerator.Parser.CamelCase(name))); // the YAML key says the same
    }

    [Theory]
    [InlineData("AKIAIOSFODNN7EXAMPLE", "an AWS access key ID")]
    [InlineData("key=ASIAY34FZKBOKMUTVV7A", "an AWS access key ID")]
    [InlineData("AROAIOSFODNN7EXAMPLE", "an AWS access key ID")]
    [InlineData("XAKIAIOSFODNN7EXAMPLE", null)]
    [InlineData("AKIAIOSFODNN7EXAMPLEX", null)]
    [InlineData("AKIAIOSFODNN7EXAMPL", null)]
    [InlineData("AKIAIOSFODNN7EXAMPL-", null)]
    [InlineData("ABCDIOSFODNN7EXAMPLE", null)]
    [InlineData("-----BEGIN OPENSSH PRIVATE KEY-----", "a private key")]
    [InlineData("x\n-----BEGIN PGP PRIVATE KEY BLOCK-----", "a private key")]
    [InlineData("-----BEGIN ENCRYPTED PRIVATE KEY-----", "a private key")]
    [InlineData("-----BEGIN PRIVATE KEY-----", "a private key")]
    [InlineData("-----BEGIN PUBLIC KEY-----", null)]
    [InlineData("-----BEGIN  PRIVATE KEY-----", null)]
    [InlineData("-----BEGIN rsa PRIVATE KEY-----", null)]
    [InlineData("-----BEGIN PRIVATE KEY----", null)]
    [InlineData("db-password", null)]
    public void A_literal_is_secret_material_by_its_shape(string text, string? what)
    {
        Assert.Equal(what, SecretRule.DescribeShape(text));
    }

    [Fact]
    public void The_shape_matchers_agree_with_the_patterns_they_replace()
    {
        // The patterns the pipeline and the generator used to compile (two copies, issue 15), now the oracle of the one
        // hand-written matcher both run. Random texts built from the pieces the patterns care about.
        var aws = new Regex("(?<![A-Z0-9])(AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}(?![A-Z0-9])", RegexOptions.CultureInvariant);
        var pem = new Regex("-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----", RegexOptions.CultureInvariant);
        string[] pieces =
        [
            "AKIA", "ASIA", "AROA", "AKIB", "A", "K", "Z", "7", "0123456789ABCDEF", "EXAMPLE", "x", "-", " ", "\n", "=",
            "-----BEGIN ", "-----", "PRIVATE KEY", "PRIVATE ", "KEY", " BLOCK", "RSA ", "PGP ", "rsa ",
        ];
        var random = new Random(15);
        for (var n = 0; n < 20_000; n++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => pieces[random.Next(pieces.Length)]));
            Assert.True(aws.IsMatch(text) == SecretRule.ContainsAwsKeyId(text), $"AWS key ID: '{text}'");
            Assert.True(pem.IsMatch(text) == SecretRule.ContainsPrivateKey(text), $"private key: '{text}'");
        }
    }
}
