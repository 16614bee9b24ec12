using Cogrion.InfraGen.Tests.Support;

namespace Cogrion.InfraGen.Tests.Hosting;

public sealed class CommandLineTests
{
    private readonly TestCatalog _catalog = new(FixtureModel.Estate());

    [Theory]
    [InlineData("no-such-verb")]
    [InlineData("check", "--no-such-option")]
    [InlineData("diff", "dev-sgp-1")]
    [InlineData("explain")]
    [InlineData("set-image", "--cluster", "dev-sgp-1", "--app", "web")]
    [InlineData("set-image", "--cluster", "dev-sgp-1", "--app", "web", "--tag", "latest")]
    [InlineData("promote", "--app", "web", "--from", "dev-sgp-1")]
    [InlineData("secrets", "--format", "yaml")]
    public void A_usage_error_exits_2_not_1_which_means_drift(params string[] args)
    {
        var run = HostRun.Run(_catalog, args);

        Assert.Equal(2, run.ExitCode);
        Assert.NotEmpty(run.Error);
    }

    [Theory]
    [InlineData("generate")]
    [InlineData("check")]
    [InlineData("diff")]
    [InlineData("explain")]
    [InlineData("set-image")]
    [InlineData("promote")]
    [InlineData("secrets")]
    public void Every_verb_has_help(string verb)
    {
        var run = HostRun.Run(_catalog, [verb, "--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"infragen {verb}", run.Output.Replace("testhost", "infragen", StringComparison.Ordinal));
        Assert.Contains("--model", run.Output);
    }
}
