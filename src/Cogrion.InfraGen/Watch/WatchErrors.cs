using Cogrion.InfraGen.Diagnostics;

namespace Cogrion.InfraGen.Watch;

/// <summary>Why <c>watch</c> could not start or go on: the model project could not be read as the build reads it (INFRA1011).</summary>
internal static class WatchErrors
{
    public static InfraDiagnostic CannotStart(string why) => new(
        "INFRA1011", $"watch cannot compile the model: {why}.", default);

    public static InfraDiagnostic NoCompileCommand(string project, int exitCode, string output) => new(
        "INFRA1011",
        $"watch could not read how MSBuild compiles {project} (`dotnet msbuild -t:Compile` with SkipCompilerExecution, exit code {exitCode}): "
        + $"{(output.Length == 0 ? "it printed nothing" : output.Trim())}. Run `dotnet build` to see why, fix it, then start watch again.",
        default);
}
