using System.Diagnostics;
using System.Text.RegularExpressions;
using Cogrion.InfraGen.Tests.Support;

namespace Cogrion.InfraGen.Generators.Tests;

/// <summary>
/// The analyzers as a user meets them: a real <c>dotnet build</c> of a project that references the generator as an
/// analyzer fails, printing the error in MSBuild's canonical form at the model line, and nothing that hides it. One
/// build per test (tens of seconds each).
/// </summary>
[Trait("Speed", "Slow")]
public sealed class BuildErrorTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    // Used as an App's values type, the way every model uses a values record: a field's type is checked when the
    // compiler declares it, and an error there stops the build before analyzers run (issue 15).
    private const string UsedByAnApp = """

        public static class Apps { public static readonly App<WebValues>? Web = null; }
        """;

    [Fact]
    public void A_model_error_fails_dotnet_build_in_canonical_MSBuild_form()
    {
        var (exitCode, output) = Build("""
            using Cogrion.InfraGen;

            [HelmValues("web")]
            public partial record WebValues { public string Host { get; init; } = "web"; }

            public static class Releases { public static ImageTag Web => ImageTag.Parse("latest"); }
            """);

        Assert.NotEqual(0, exitCode);
        Assert.True(Regex.IsMatch(output, $@"(?m)^{ValuesFile}\(6,77\): error INFRA0001: Image tag 'latest' is not allowed: it moves with every push"), output);
        Assert.Contains("docs/diagnostics.md#infra0001", output, StringComparison.Ordinal);
    }

    [Fact]
    public void INFRA0004_reaches_dotnet_build_at_the_property_and_CS0311_does_not_hide_it()
    {
        var (exitCode, output) = Build("""
            using Cogrion.InfraGen;

            [HelmValues("web")]
            public partial record WebValues
            {
                public string Host { get; init; } = "web";

                public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(3);
            }
            """ + UsedByAnApp);

        Assert.NotEqual(0, exitCode);
        Assert.True(Regex.IsMatch(output, $@"(?m)^{ValuesFile}\(8,12\): error INFRA0004: Property 'Timeout' of 'WebValues' has type 'TimeSpan', which cannot be rendered to YAML: 'TimeSpan' is a struct, not a partial values record; allowed are string, bool, int, long, decimal"), output);
        Assert.DoesNotContain("CS0311", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_typo_in_a_values_property_type_is_the_compilers_CS0246_alone()
    {
        var (exitCode, output) = Build("""
            using Cogrion.InfraGen;

            [HelmValues("web")]
            public partial record WebValues
            {
                public Strng Host { get; init; } = "web";
            }
            """ + UsedByAnApp);

        Assert.NotEqual(0, exitCode);
        Assert.True(Regex.IsMatch(output, $@"(?m)^{ValuesFile}\(6,12\): error CS0246: The type or namespace name 'Strng' could not be found"), output);
        Assert.DoesNotContain("CS0311", output, StringComparison.Ordinal);
    }

    [Fact]
    public void INFRA0012_reaches_dotnet_build_at_the_property_not_CS8618_in_obj()
    {
        var (exitCode, output) = Build("""
            using Cogrion.InfraGen;

            [HelmValues("web")]
            public partial record WebValues
            {
                public string Host { get; init; } = "web";

                public string HealthPath { get; init; }
            }
            """ + UsedByAnApp);

        Assert.NotEqual(0, exitCode);
        Assert.True(Regex.IsMatch(output, $@"(?m)^{ValuesFile}\(8,19\): error INFRA0012: Property 'HealthPath' of 'WebValues' has no default and is not required, so a cluster that does not set it gets null: give it a chart default"), output);
        Assert.DoesNotContain("CS8618", output, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    private string ValuesFile => Regex.Escape(_temp.Combine("Values.cs"));

    /// <summary>A model project of one file, built as the model is: nullable, warnings as errors, the generator as an analyzer.</summary>
    private (int ExitCode, string Output) Build(string values)
    {
        File.WriteAllText(_temp.Combine("Model.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="{typeof(HelmValuesAttribute).Assembly.Location}" />
                <Analyzer Include="{typeof(InfraGenGenerator).Assembly.Location}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(_temp.Combine("Values.cs"), values);
        return DotnetBuild(_temp.Path);
    }

    private static (int ExitCode, string Output) DotnetBuild(string directory)
    {
        // No compiler server: it caches analyzer assemblies, and this test is about the one just built.
        var start = new ProcessStartInfo("dotnet", ["build", "-nologo", "-p:UseSharedCompilation=false", "-clp:NoSummary"])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("dotnet build did not finish in 5 minutes.");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
