using Cogrion.InfraGen.Loading;

namespace Cogrion.InfraGen.Tests.Support;

/// <summary>Runs `generate` on a model whose output breaks a validation rule, after a good run filled out/.</summary>
public static class ModelRejection
{
    /// <summary>
    /// Generates the good fixture into out/, then the bad estate (after <paramref name="prepare"/> changes the model's
    /// files); asserts exit code 1 (a validation failure) and that out/ hashes the same. Returns what was printed.
    /// </summary>
    public static string Run(TempDirectory temp, Estate bad, Action<ModelPaths>? prepare = null)
    {
        var paths = FixtureModel.CreateFiles(temp);
        var good = HostRun.Generate(new TestCatalog(FixtureModel.Estate()), paths);
        Assert.True(good.ExitCode == 0, good.Error);
        var before = TempDirectory.Snapshot(paths.OutDirectory);
        prepare?.Invoke(paths);

        var run = HostRun.Generate(new TestCatalog(bad), paths);

        Assert.True(run.ExitCode == 1, $"exit code {run.ExitCode}: {run.Error}");
        Assert.Equal(before, TempDirectory.Snapshot(paths.OutDirectory));
        Assert.Contains("out/ was not changed.", run.Error, StringComparison.Ordinal);
        return run.Error.Replace('\\', '/');
    }
}
