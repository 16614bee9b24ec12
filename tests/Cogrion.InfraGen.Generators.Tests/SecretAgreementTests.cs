using Cogrion.InfraGen.Generators.Tests.Support;
using Cogrion.InfraGen.Validation.Policy;
using Microsoft.CodeAnalysis.CSharp;

namespace Cogrion.InfraGen.Generators.Tests;

/// <summary>
/// One secret rule, two places (issue 15): a literal given to a values property is flagged in the model (INFRA0006,
/// INFRA0007, as the IDE and dotnet build run the analyzers) exactly when the output policy (INFRA2202) would refuse
/// the value under the key the generator writes it to. Before, the two had their own words, prefixes and tests.
/// </summary>
public sealed class SecretAgreementTests
{
    [Theory]
    [InlineData("AdminPassword", "changeme", true)]
    [InlineData("AdminPassword", "P@ssw0rd-9fX2q!", true)]
    [InlineData("ApiKey", "hunter2", true)]
    [InlineData("DbCredentials", "s3cr3t", true)]
    [InlineData("ExistingSecret", "P@ssw0rd-9fX2q!", true)] // a reference by its name, material by its look
    [InlineData("SecretKey", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", true)]
    [InlineData("Note", "AKIAIOSFODNN7EXAMPLE", true)]
    [InlineData("Config", "-----BEGIN RSA PRIVATE KEY-----", true)]
    [InlineData("AdminPassword", "", false)]
    [InlineData("AdminPassword", "{{ .Values.password }}", false)]
    [InlineData("ExistingSecret", "keycloak-secrets", false)]
    [InlineData("PasswordKey", "admin-password", false)]
    [InlineData("TokenSecretName", "tokens", false)]
    [InlineData("Note", "a8Fk2LmQ9zXw4Tn7", false)]
    [InlineData("Host", "db.example.com", false)]
    public void The_analyzers_flag_a_literal_exactly_when_the_output_policy_would_refuse_it(string property, string literal, bool secret)
    {
        var source = $$"""
            [HelmValues("db")]
            public partial record DbValues
            {
                public string? {{property}} { get; init; } = {{SymbolDisplay.FormatLiteral(literal, quote: true)}};
            }
            """;

        var flagged = GeneratorRun.Start(TestCompilation.Create(source, executable: false)).AnalyzerDiagnostics()
            .Where(d => d.Id is "INFRA0006" or "INFRA0007")
            .ToList();
        var refused = SecretMaterialPolicy.Describe(InfraGenGenerator.Parser.CamelCase(property), literal);

        Assert.Equal(secret, refused is not null);
        Assert.Equal(secret, flagged.Count > 0);
        Assert.True(flagged.Count <= 1, string.Join("\n", flagged)); // one error per literal
    }
}
