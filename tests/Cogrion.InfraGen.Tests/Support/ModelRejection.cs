using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Hosting;
using Cogrion.InfraGen.Loading;

namespace Cogrion.InfraGen.Tests.Support;

/// <summary>Runs `generate` on a model that must be refused, after a good run filled out/.</summary>
public static class ModelRejection
{
    /// <summary>
    /// Generates the good fixture into out/, then the bad estate (after <paramref name="prepare"/> changes the model's
    /// files); asserts <paramref name="exitCode"/> (by default 1, a validation failure) and that out/ hashes the same.
    /// Returns what was printed.
    /// </summary>
    public static string Run(TempDirectory temp, Estate bad, Action<ModelPaths>? prepare = null, int exitCode = ExitCodes.Failed) =>
        Run(temp, new TestCatalog(bad), prepare, exitCode);

    /// <summary>As <see cref="Run(TempDirectory, Estate, Action{ModelPaths}?, int)"/>, for a catalog (whose model may not even define an estate).</summary>
    public static string Run(TempDirectory temp, IInfraCatalog bad, Action<ModelPaths>? prepare = null, int exitCode = ExitCodes.Failed)
    {
        var paths = FixtureModel.CreateFiles(temp);
        var good = HostRun.Generate(new TestCatalog(FixtureModel.Estate()), paths);
        Assert.True(good.ExitCode == 0, good.Error);
        var before = TempDirectory.Snapshot(paths.OutDirectory);
        Assert.NotEmpty(before); // Else "out/ unchanged" below would hold for a run that never wrote anything.
        prepare?.Invoke(paths);

        var run = HostRun.Generate(bad, paths);

        Assert.True(run.ExitCode == exitCode, $"exit code {run.ExitCode}: {run.Error}");
        Assert.Equal(before, TempDirectory.Snapshot(paths.OutDirectory));
        Assert.Contains("out/ was not changed.", run.Error, StringComparison.Ordinal);
        return Path.DirectorySeparatorChar == '\\' ? run.Error.Replace('\\', '/') : run.Error; // Paths shown with '/' everywhere.
    }
}
