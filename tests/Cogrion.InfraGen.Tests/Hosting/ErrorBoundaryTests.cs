using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Hosting;
using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Tests.Support;

namespace Cogrion.InfraGen.Tests.Hosting;

/// <summary>
/// Issue 15: every failure of every verb is a canonical diagnostic with a code and an exit code from its kind; no stack
/// trace, no System.CommandLine help dump, no "Unhandled exception". Each case here escaped before.
/// </summary>
public sealed class ErrorBoundaryTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly TestCatalog _catalog = new(FixtureModel.Estate());

    [Theory]
    [InlineData("INFRA1020: Unrecognized command or argument 'no-such-verb'", "no-such-verb")]
    [InlineData("INFRA1020: Unrecognized command or argument '--no-such-option'", "check", "--no-such-option")]
    [InlineData("INFRA1020: Option '--tag' is required", "set-image", "--cluster", "dev-sgp-1", "--app", "web")]
    [InlineData("INFRA1020: Argument 'yaml' not recognized", "secrets", "--format", "yaml")]
    public void A_command_line_that_does_not_parse_is_INFRA1020_not_the_help_text(string expected, params string[] args)
    {
        var run = HostRun.Run(_catalog, args);

        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.Contains($"infragen: error {expected}", run.Error);
        Assert.DoesNotContain("Usage:", run.Error + run.Output);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void Generate_into_a_path_below_a_file_is_INFRA3004_not_an_unhandled_exception()
    {
        var paths = FixtureModel.CreateFiles(_temp) with { OutDirectory = _temp.Combine("a-file", "out") };
        File.WriteAllText(_temp.Combine("a-file"), "not a directory\n");

        var run = HostRun.Generate(_catalog, paths);

        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.Contains($"infragen: error INFRA3004: Cannot write '{paths.OutDirectory}'", run.Error);
        AssertNoTrace(run);
    }

    [Fact]
    public void Check_of_an_out_path_that_is_a_file_is_INFRA3001_not_a_missing_tree()
    {
        var paths = FixtureModel.CreateFiles(_temp) with { OutDirectory = _temp.Combine("out.txt") };
        File.WriteAllText(paths.OutDirectory, "a file\n");

        var run = HostRun.Verb(_catalog, paths, "check");

        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.Contains($"infragen: error INFRA3001: The output path '{paths.OutDirectory}' is a file, not a directory", run.Error);
        Assert.DoesNotContain("does not exist", run.Output);
    }

    [Fact]
    public void A_pull_request_body_that_cannot_be_written_is_INFRA3005_and_says_the_promotion_is_done()
    {
        var paths = FixtureModel.CreateGenerated(_temp);
        File.WriteAllText(_temp.Combine("a-file"), "not a directory\n");
        var summary = _temp.Combine("a-file", "body.md");

        var run = HostRun.Verb(_catalog, paths, "promote", "--app", "web", "--from", "dev-sgp-1", "--to", "prod-sgp-1", "--summary", summary);

        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.Contains($"infragen: error INFRA3005: cannot write --summary {summary}: ", run.Error);
        Assert.Contains("The promotion itself is done (model/releases.yaml and out/ were written)", run.Error);
        Assert.Contains("sha-a1b2c3d", File.ReadAllText(Path.Combine(paths.OutDirectory, "values", "prod-sgp-1", "web.yaml")));
        AssertNoTrace(run);
    }

    [Fact]
    public void A_releases_file_that_is_a_directory_is_a_diagnostic_on_every_verb()
    {
        var paths = FixtureModel.CreateGenerated(_temp);
        File.Delete(paths.ReleasesFile);
        Directory.CreateDirectory(paths.ReleasesFile);

        string[][] verbs = [["generate"], ["check"], ["secrets"], ["diff", "dev-sgp-1", "prod-sgp-1"], ["set-image", "--cluster", "dev-sgp-1", "--app", "web", "--tag", "sha-1234567"]];
        foreach (var verb in verbs)
        {
            var run = HostRun.Verb(_catalog, paths, verb);

            Assert.True(run.ExitCode == ExitCodes.Refused, $"{verb[0]}: exit code {run.ExitCode}: {run.Error}");
            Assert.Matches(@"error INFRA\d{4}: ", run.Error);
            AssertNoTrace(run);
        }
    }

    [Fact]
    public void An_exception_InfraGen_did_not_expect_is_INFRA3006_naming_where_without_a_stack_trace()
    {
        var error = new StringWriter();
        Func<int> failing = new List<int>().First; // Thrown by the framework for InfraGen, with no model line anywhere on its stack.

        var code = ErrorBoundary.Run(failing, paths: null, absolutePaths: false, error);

        Assert.Equal(ExitCodes.Refused, code);
        Assert.StartsWith("infragen: error INFRA3006: InfraGen failed unexpectedly: InvalidOperationException: Sequence contains no elements (in ", error.ToString());
        Assert.Contains("This is a bug in InfraGen, not in the model", error.ToString());
        Assert.DoesNotContain("   at ", error.ToString());
        Assert.EndsWith("infragen: 1 error(s)." + Environment.NewLine, error.ToString()); // Says nothing it cannot know about out/.
    }

    [Fact]
    public void The_diagnostics_of_parallel_workers_are_reported_together_and_the_worst_kind_decides_the_exit_code()
    {
        var output = new InfraDiagnostic("INFRA2201", "a bad tag", default) { Kind = DiagnosticKind.Output };
        var helm = new InfraDiagnostic("INFRA4001", "Helm stopped", default) { Kind = DiagnosticKind.Environment };
        var error = new StringWriter();

        var code = ErrorBoundary.Report(new AggregateException(new InfraGenException([output]), new InfraGenException([helm])), paths: null, absolutePaths: false, error);

        Assert.Equal(ExitCodes.Refused, code);
        Assert.Contains("infragen: error INFRA2201: a bad tag", error.ToString());
        Assert.Contains("infragen: error INFRA4001: Helm stopped", error.ToString());
        Assert.Equal(ExitCodes.Failed, ExitCodes.For([output]));
    }

    private static void AssertNoTrace(HostRun run)
    {
        Assert.DoesNotContain("Unhandled exception", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    public void Dispose() => _temp.Dispose();
}
