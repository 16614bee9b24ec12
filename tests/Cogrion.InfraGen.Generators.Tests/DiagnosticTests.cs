using Cogrion.InfraGen.Generators.Tests.Support;
using Microsoft.CodeAnalysis;

namespace Cogrion.InfraGen.Generators.Tests;

/// <summary>One test per diagnostic ID: reported where expected, with a message that says what is allowed, and not on the fixed code.</summary>
public sealed class DiagnosticTests
{
    private const string Values = """
        [HelmValues("web")]
        public partial record WebValues
        {
            public required string Host { get; init; }
        }
        """;

    [Theory]
    [InlineData("""ImageTag.Parse("latest")""", "\"latest\"", "it moves with every push")]
    [InlineData("""ImageTag.TryParse("", out _)""", "\"\"", "an empty tag deploys whatever the registry calls latest")]
    [InlineData("""ImageTag.Parse("v1.2.3")""", "\"v1.2.3\"", "use sha- followed by 7 to 40 lower-case hex digits")]
    [InlineData("""ImageTag.Parse(text: "sha-ABCDEF0")""", "\"sha-ABCDEF0\"", "use sha- followed by")]
    public void INFRA0001_an_image_tag_literal_that_is_not_a_pinned_sha_tag(string call, string underlined, string message)
    {
        var source = $"public static class Tags\n{{\n    public static object Tag() => {call};\n}}\n";

        AssertReported("INFRA0001", source, underlined, message);
        AssertClean("public static class Tags\n{\n    public static object Tag() => ImageTag.Parse(\"sha-a1b2c3d\");\n}\n");
    }

    [Theory]
    [InlineData("""[HelmValues("Web_App")] public partial record WebValues;""", "\"Web_App\"", "Chart name 'Web_App' is not a DNS-1123 label")]
    [InlineData("""public static class Envs { public static readonly Env Dev = new("Dev", IsProduction: false); }""", "\"Dev\"", "Environment name 'Dev'")]
    [InlineData("""public static class Regions { public static readonly Region Fra = new Region("fra_1", "eu-central-1"); }""", "\"fra_1\"", "Region name 'fra_1'")]
    [InlineData("""public static class Envs { public static Env Renamed(Env e) => e with { Name = "-dev" }; }""", "\"-dev\"", "Environment name '-dev'")]
    [InlineData(
        """public static class Regions { public static readonly Region Long = new("region-of-sixty-four-characters-which-is-one-more-than-allowed-x", "eu-central-1"); }""",
        "\"region-of-sixty-four-characters-which-is-one-more-than-allowed-x\"",
        "is not a DNS-1123 label: 1 to 63 characters, lower-case letters a-z, digits 0-9 and '-', starting and ending with a letter or digit; it is 64 characters long, 1 more than the 63 allowed")]
    [InlineData(
        """public static class Apps { public static readonly App<WebValues> Web = new(new ChartSpec("1.0.0", "web"), c => new WebValues { Host = "h" }) { Namespace = "Web App" }; }""",
        "\"Web App\"",
        "Namespace 'Web App' is not a DNS-1123 label: 1 to 63 characters, lower-case letters a-z")]
    public void INFRA0002_a_name_literal_that_is_not_a_DNS_1123_label(string code, string underlined, string message)
    {
        var source = code.StartsWith("[HelmValues", StringComparison.Ordinal) ? code : Values + "\n" + code;

        AssertReported("INFRA0002", source, underlined, message);
        AssertClean(Values + """

            public static class Names
            {
                public static readonly Env Dev = new("dev", IsProduction: false);
                public static readonly Region Sgp1 = new("sgp-1", "ap-southeast-1");
                public static readonly App<WebValues> Web = new(new ChartSpec("1.0.0", "web"), c => new WebValues { Host = "h" }) { Namespace = "web" };
            }
            """);
    }

    [Theory]
    [InlineData("[HelmValues(\"web\")] public record WebValues { public string Host { get; init; } = \"h\"; }", "it is not partial")]
    [InlineData("[HelmValues(\"web\")] public partial record WebValues(string Host);", "it is a positional record")]
    [InlineData("[HelmValues(\"web\")] public partial class WebValues { public string Host { get; init; } = \"h\"; }", "it is a class, not a record")]
    [InlineData("public static partial class Outer { [HelmValues(\"web\")] public partial record WebValues; }", "it is nested in 'Outer'")]
    [InlineData("public partial record Base; [HelmValues(\"web\")] public partial record WebValues : Base;", "it derives from 'Base'")]
    public void INFRA0003_a_HelmValues_type_that_is_not_a_partial_record(string source, string reason)
    {
        var run = GeneratorRun.Start(TestCompilation.Create(source, executable: false));

        var diagnostic = Assert.Single(run.AnalyzerDiagnostics(), d => d.Id == "INFRA0003");
        Assert.Equal("WebValues", Text(diagnostic));
        AssertMessage(diagnostic, "'");
        AssertMessage(diagnostic, reason);
        Assert.DoesNotContain(run.Sources.Keys, k => k.Contains("WebValues.HelmValues", StringComparison.Ordinal)); // skipped, silently
        AssertClean(Values);
    }

    [Theory]
    [InlineData("double Ratio { get; init; }", "double", "'double' does not round-trip through YAML exactly (use decimal)")]
    [InlineData("Dictionary<int, string> Ports { get; init; } = new();", "Dictionary<int, string>", "dictionary keys must be strings")]
    [InlineData("HashSet<string> Hosts { get; init; } = [];", "HashSet<string>", "'HashSet<string>' is not one of the supported collections")]
    [InlineData("Plain Extra { get; init; } = new();", "Plain", "'Plain' is a class, not a partial values record")]
    [InlineData("Sealed? Extra { get; init; }", "Sealed?", "'Sealed' is a record, but it is not partial")]
    [InlineData("IReadOnlyList<WebValues> Children { get; init; } = [];", "IReadOnlyList<WebValues>", "values must be finite trees")]
    [InlineData("Level Level { get; init; }", "Level", "[Flags] enum")]
    public void INFRA0004_a_values_property_type_that_cannot_be_rendered(string property, string underlined, string reason)
    {
        var source = $$"""
            public class Plain;
            public record Sealed { public string A { get; init; } = "a"; }
            [Flags] public enum Level { None = 0, Low = 1, High = 2 }

            [HelmValues("web")]
            public partial record WebValues
            {
                public string Host { get; init; } = "h";

                public {{property}}
            }

            public static class Apps
            {
                public static readonly App<WebValues>? Web = null;
            }
            """;

        var run = GeneratorRun.Start(TestCompilation.Create(source, executable: false));

        var diagnostic = Assert.Single(run.AnalyzerDiagnostics(), d => d.Id == "INFRA0004");
        Assert.Equal(underlined, Text(diagnostic));
        AssertMessage(diagnostic, reason);
        AssertMessage(diagnostic, "of 'WebValues'");
        Assert.EndsWith("allowed are " + InfraGenGenerator.Parser.AllowedTypes, diagnostic.GetMessage(), StringComparison.Ordinal);

        // Issue 15: the record is generated without the property, so it still implements IHelmValues<WebValues> and
        // the App<WebValues> field compiles. Before, the record was skipped: CS0311 at the field, a declaration error,
        // which stops the compiler before analyzers run, so dotnet build showed CS0311 and never this INFRA0004.
        Assert.Contains("WebValues.HelmValues.g.cs", run.Sources.Keys);
        Assert.Empty(run.CompilerProblems());
        AssertClean(source.Replace(property, "decimal Ratio { get; init; }", StringComparison.Ordinal));
    }

    [Fact]
    public void INFRA0004_a_problem_in_a_record_shared_by_two_charts_is_reported_once()
    {
        var source = """
            public partial record Shared { public float Ratio { get; init; } }
            [HelmValues("a")] public partial record AValues { public Shared S { get; init; } = new(); }
            [HelmValues("b")] public partial record BValues { public Shared S { get; init; } = new(); }
            """;

        AssertReported("INFRA0004", source, "float", "Property 'Ratio' of 'Shared' has type 'float'");
    }

    [Theory]
    [InlineData("Strng Host { get; init; } = \"h\";", "Strng")]
    [InlineData("IReadOnlyList<Unknown> Items { get; init; } = [];", "Unknown")]
    public void INFRA0004_is_not_reported_on_a_type_the_compiler_cannot_resolve_which_is_the_only_error(string property, string typo)
    {
        var source = $$"""
            [HelmValues("web")]
            public partial record WebValues
            {
                public {{property}}
            }

            public static class Apps
            {
                public static readonly App<WebValues>? Web = null;
            }
            """;

        var run = GeneratorRun.Start(TestCompilation.Create(source, executable: false));

        // The compiler's own error at the typo, and no CS0311 at the App<WebValues> field (issue 15): the record is
        // generated without the property it cannot resolve.
        var error = Assert.Single(run.CompilerProblems());
        Assert.Equal("CS0246", error.Id);
        Assert.Equal(typo, Text(error));
        Assert.Empty(run.AnalyzerDiagnostics());
    }

    [Fact]
    public void INFRA0005_two_HelmValues_records_for_one_chart()
    {
        var source = Values + "\n[HelmValues(\"web\")]\npublic partial record OtherWebValues;\n";

        var diagnostics = Analyze(source).Where(d => d.Id == "INFRA0005").ToList();

        Assert.Equal(2, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal("HelmValues(\"web\")", Text(d)));
        Assert.Contains(diagnostics, d => d.GetMessage().Contains("'WebValues' and 'OtherWebValues'", StringComparison.Ordinal));
        AssertClean(Values + "\n[HelmValues(\"web-admin\")]\npublic partial record OtherWebValues;\n");
    }

    [Theory]
    [InlineData("const string Key = \"AKIAIOSFODNN7EXAMPLE\";", "\"AKIAIOSFODNN7EXAMPLE\"", "an AWS access key ID")]
    [InlineData("const string Key = \"id=ASIAY34FZKBOKMUTVV7A;\";", "\"id=ASIAY34FZKBOKMUTVV7A;\"", "an AWS access key ID")]
    [InlineData("static string Pem(int n) => $\"-----BEGIN RSA PRIVATE KEY-----\\n{n}\";", "-----BEGIN RSA PRIVATE KEY-----\\n", "a private key")]
    public void INFRA0006_a_secret_looking_literal(string member, string underlined, string what)
    {
        AssertReported("INFRA0006", $"public static class Keys\n{{\n    {member}\n}}\n", underlined, $"This literal looks like {what}: keep secrets in AWS Secrets Manager");
        AssertClean("""
            public static class Keys
            {
                const string Prefix = "AKIA";
                const string Header = "-----BEGIN CERTIFICATE-----";
                static readonly AppSecret Db = new("DB_PASSWORD", "db-password");
            }
            """);
    }

    [Theory]
    [InlineData("Db = new() { AdminPassword = \"hunter2\" }", "\"hunter2\"", "AdminPassword")]
    [InlineData("Db = new() { ApiToken = Token }", "Token", "ApiToken")]
    [InlineData("Db = Default with { ClientSecret = \"s3cr3t\" }", "\"s3cr3t\"", "ClientSecret")]
    public void INFRA0007_a_literal_given_to_a_secret_property_of_a_values_record(string assignment, string underlined, string property)
    {
        AssertReported("INFRA0007", SecretValues(assignment), underlined, $"Property '{property}' of 'DbAuth' looks like a secret and is given a literal");
        AssertClean(SecretValues("Db = new() { ExistingSecret = \"db-secrets\", PasswordKey = \"admin-password\", TokenSecretName = \"tokens\", AdminPassword = \"\" }"));
    }

    [Fact]
    public void INFRA0007_a_secret_property_initializer_of_a_values_record()
    {
        var source = """
            [HelmValues("db")]
            public partial record DbValues
            {
                public string Password { get; init; } = "changeme";
            }
            """;

        AssertReported("INFRA0007", source, "\"changeme\"", "Property 'Password' of 'DbValues'");
    }

    [Fact]
    public void INFRA0008_more_than_one_InfraModel_class()
    {
        const string model = "[InfraModel] public sealed class {0} : IInfraModel {{ public Estate Define() => throw new NotSupportedException(); }}\n";
        var source = string.Format(null, model, "FirstEstate") + string.Format(null, model, "SecondEstate");

        var diagnostics = Analyze(source).Where(d => d.Id == "INFRA0008").ToList();

        Assert.Equal(["FirstEstate", "SecondEstate"], diagnostics.Select(Text).Order(StringComparer.Ordinal));
        AssertMessage(diagnostics[0], "'FirstEstate' and 'SecondEstate' are both [InfraModel] classes");
        AssertClean(string.Format(null, model, "FirstEstate"), executable: true);
    }

    [Theory]
    [InlineData("[InfraModel] public sealed class Estate1 { public Estate Define() => throw new NotSupportedException(); }", "it does not implement IInfraModel")]
    [InlineData("[InfraModel] public sealed class Estate1(int size) : IInfraModel { public Estate Define() => throw new NotSupportedException(size.ToString()); }", "it has no public parameterless constructor")]
    [InlineData("[InfraModel] public abstract class Estate1 : IInfraModel { public abstract Estate Define(); }", "it is abstract")]
    public void INFRA0009_an_InfraModel_class_the_catalog_cannot_create(string source, string reason)
    {
        var run = GeneratorRun.Start(TestCompilation.Create(source));

        var diagnostic = Assert.Single(run.AnalyzerDiagnostics(), d => d.Id == "INFRA0009");
        Assert.Equal("Estate1", Text(diagnostic));
        AssertMessage(diagnostic, reason);
        Assert.Empty(run.CompilerProblems()); // The catalog still compiles: no "no Main method" noise under the real error.
        AssertClean("[InfraModel] public sealed class Estate1 : IInfraModel { public Estate Define() => throw new NotSupportedException(); }", executable: true);
    }

    [Theory]
    [InlineData("[YamlName(\"host\")] public string Name { get; init; } = \"n\";", "YamlName(\"host\")", "Property 'Name' of 'WebValues' has YAML key 'host', which is also the key of property 'Host'")]
    [InlineData("[YamlName(\"\")] public string Name { get; init; } = \"n\";", "YamlName(\"\")", "has YAML key '', which is empty")]
    public void INFRA0010_a_YAML_key_that_is_empty_or_taken(string property, string underlined, string message)
    {
        var source = $"[HelmValues(\"web\")]\npublic partial record WebValues\n{{\n    public string Host {{ get; init; }} = \"h\";\n\n    {property}\n}}\n"
            + "public static class Apps { public static readonly App<WebValues>? Web = null; }\n";

        AssertReported("INFRA0010", source, underlined, message);
        Assert.Empty(GeneratorRun.Start(TestCompilation.Create(source, executable: false)).CompilerProblems()); // no CS0311 (issue 15)
        AssertClean(source.Replace(underlined, "YamlName(\"name\")", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Tag = \"latest\"", "\"latest\"", "\"latest\" is a string where an ImageTag goes (and it is not a tag InfraGen deploys: it moves with every push")]
    [InlineData("Tag = \"sha-a1b2c3d\"", "\"sha-a1b2c3d\"", "\"sha-a1b2c3d\" is a string where an ImageTag goes: image tags are not written in the model; they live in model/releases.yaml")]
    [InlineData("Tag = c.Cluster.Name", "c.Cluster.Name", "c.Cluster.Name is a string where an ImageTag goes: ")]
    [InlineData("Pinned = \"latest\"", "\"latest\"", "Use the cluster's tag, context.ImageTag (the values function's AppContext)")]
    public void INFRA0011_a_string_where_an_ImageTag_goes_says_tags_live_in_releases_yaml(string assignment, string underlined, string message)
    {
        // The compiler's own CS0029 ("cannot implicitly convert type 'string' to 'ImageTag'") gives no hint (issue 15).
        const string values = """
            [HelmValues("web")]
            public partial record WebValues
            {
                public ImageTag? Tag { get; init; }

                public ImageTag? Pinned { get; init; }
            }

            public static class Apps
            {
                public static WebValues For(Cogrion.InfraGen.AppContext c) => new WebValues { ASSIGNMENT };
            }
            """;
        var source = values.Replace("ASSIGNMENT", assignment, StringComparison.Ordinal);

        AssertReported("INFRA0011", source, underlined, message);
        var compiler = GeneratorRun.Start(TestCompilation.Create(source, executable: false)).CompilerProblems();
        Assert.Contains(compiler, d => d.Id == "CS0029"); // Still the compiler's error too: the analyzer explains it, it cannot replace it.
        AssertClean(values.Replace("ASSIGNMENT", "Tag = c.ImageTag", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("string HealthPath { get; init; }", "HealthPath", "Property 'HealthPath' of 'WebValues' has no default and is not required")]
    [InlineData("IReadOnlyList<string> Args { get; init; }", "Args", "give it a chart default (an initializer, '= …') or make it 'required' so each cluster sets it")]
    [InlineData("Probe Probe { get; set; }", "Probe", "making it nullable instead leaves key 'probe' out of the values wherever it is null")]
    public void INFRA0012_a_non_nullable_values_property_with_no_default_that_is_not_required(string property, string underlined, string message)
    {
        var source = $$"""
            public partial record Probe { public string Path { get; init; } = "/healthz"; }

            [HelmValues("web")]
            public partial record WebValues
            {
                public string Host { get; init; } = "h";

                public {{property}}
            }
            """;

        AssertReported("INFRA0012", source, underlined, message);

        // Issue 15: the compiler said this as CS8618, located at the generated constructor in obj/…/WebValues.Values.g.cs.
        var run = GeneratorRun.Start(TestCompilation.Create(source, executable: false));
        Assert.DoesNotContain(run.CompilerProblems(), d => d.Id == "CS8618");

        var declaration = property[..property.IndexOf('{', StringComparison.Ordinal)].TrimEnd();
        AssertClean(source.Replace(property, declaration + " { get; init; } = null!;", StringComparison.Ordinal));
        AssertClean(source.Replace(property, "required " + property, StringComparison.Ordinal));
        AssertClean(source.Replace(property, declaration.Replace(" ", "? ", StringComparison.Ordinal) + " { get; init; }", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("int Replicas { get; init; }")] // a value type is always written: 0 is its default
    [InlineData("bool Enabled { get; init; }")]
    [InlineData("string Url => \"https://\" + Host;")] // computed: nothing to set
    public void INFRA0012_is_not_reported_where_a_value_is_always_there(string property)
    {
        AssertClean($"[HelmValues(\"web\")]\npublic partial record WebValues\n{{\n    public string Host {{ get; init; }} = \"h\";\n\n    public {property}\n}}\n");
    }

    [Fact]
    public void The_real_model_compiles_with_no_diagnostics()
    {
        var model = Repository.Path("model");
        var files = Directory.EnumerateFiles(model, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => (f, File.ReadAllText(f)))
            .ToList();

        var run = GeneratorRun.Start(TestCompilation.Create(files));

        Assert.True(files.Count >= 5, "The model's sources were not found.");
        Assert.Contains("Cogrion.InfraGen.Catalog.g.cs", run.Sources.Keys);
        Assert.DoesNotContain(run.CompilerProblems(), d => d.Id != "CS1591"); // The model project itself turns CS1591 off.
        Assert.Empty(run.AnalyzerDiagnostics());
    }

    private static string SecretValues(string assignment) => $$"""
        public partial record DbAuth
        {
            public string? AdminPassword { get; init; }
            public string? ApiToken { get; init; }
            public string? ClientSecret { get; init; }
            public string? ExistingSecret { get; init; }
            public string? PasswordKey { get; init; }
            public string? TokenSecretName { get; init; }
        }

        [HelmValues("db")]
        public partial record DbValues
        {
            public required DbAuth Db { get; init; }
        }

        public static class Db
        {
            private const string Token = "abc123";
            private static readonly DbAuth Default = new();

            public static DbValues Values() => new() { {{assignment}} };
        }
        """;

    private static IReadOnlyList<Diagnostic> Analyze(string source) =>
        GeneratorRun.Start(TestCompilation.Create(source, executable: false)).AnalyzerDiagnostics();

    private static void AssertReported(string id, string source, string underlined, string message)
    {
        var diagnostic = Assert.Single(Analyze(source), d => d.Id == id);
        Assert.Equal(underlined, Text(diagnostic));
        AssertMessage(diagnostic, message);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
    }

    /// <summary>The fixed code: no diagnostic at all, and the generated program compiles.</summary>
    private static void AssertClean(string source, bool executable = false)
    {
        var run = GeneratorRun.Start(TestCompilation.Create(source, executable));
        Assert.Empty(run.AnalyzerDiagnostics());
        Assert.Empty(run.CompilerProblems());
    }

    private static void AssertMessage(Diagnostic diagnostic, string part) =>
        Assert.True(diagnostic.GetMessage().Contains(part, StringComparison.Ordinal), $"'{part}' is not in: {diagnostic.GetMessage()}");

    private static string Text(Diagnostic diagnostic) => diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);
}
