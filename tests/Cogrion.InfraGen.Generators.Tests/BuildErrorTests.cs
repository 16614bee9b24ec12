using System.Diagnostics;
using System.Text.RegularExpressions;
using Cogrion.InfraGen.Tests.Support;

namespace Cogrion.InfraGen.Generators.Tests;

/// <summary>
/// The analyzers as a user meets them: a real <c>dotnet build</c> of a project that references the generator as an
/// analyzer fails, printing the error in MSBuild's canonical form at the model line. One build (tens of seconds).
/// </summary>
public sealed class BuildErrorTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void A_model_error_fails_dotnet_build_in_canonical_MSBuild_form()
    {
        File.WriteAllText(_temp.Combine("Model.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="{typeof(HelmValuesAttribute).Assembly.Location}" />
                <Analyzer Include="{typeof(InfraGenGenerator).Assembly.Location}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(_temp.Combine("Values.cs"), """
            using Cogrion.InfraGen;

            [HelmValues("web")]
            public partial record WebValues { public string Host { get; init; } = "web"; }

            public static class Releases { public static ImageTag Web => ImageTag.Parse("latest"); }
            """);

        var (exitCode, output) = DotnetBuild(_temp.Path);

        Assert.NotEqual(0, exitCode);
        var file = Regex.Escape(_temp.Combine("Values.cs"));
        Assert.True(Regex.IsMatch(output, $@"(?m)^{file}\(6,77\): error INFRA0001: Image tag 'latest' is not allowed: it moves with every push"), output);
        Assert.Contains("docs/diagnostics.md#infra0001", output, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

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
