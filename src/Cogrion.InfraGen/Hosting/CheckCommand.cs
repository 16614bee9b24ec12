using System.CommandLine;
using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Drift;
using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Pipeline;

namespace Cogrion.InfraGen.Hosting;

/// <summary>
/// <c>check</c>: the drift check CI runs. Regenerates in memory, compares with <c>out/</c> on disk, writes nothing;
/// exits 1 with a per-file report and unified diffs when they differ.
/// </summary>
internal sealed class CheckCommand : InfraGenVerb
{
    private readonly RenderOptionSet _render = new();

    public CheckCommand()
        : base("check", "Regenerate in memory and compare with out/ on disk; writes nothing. Exits 1 when out/ is not exactly what the model generates (a hand edit, a hand-added file, a model change not regenerated) and prints each file with a unified diff. With --render, also renders every chart with Helm and checks what it renders (see render).")
    {
        _render.AddTo(Command, withSwitch: true);
    }

    /// <summary>Diff lines shown per file; a huge hand-added file is summarized, not dumped.</summary>
    private const int MaxDiffLines = 400;

    /// <summary>The diagnostic ID of a drifted file, in canonical MSBuild lines (docs/diagnostics.md).</summary>
    public const string DriftCode = "INFRA3101";

    public override int Run(ParseResult parse, VerbContext context) => WithPaths(parse, context, paths =>
    {
        var render = _render.IfEnabled(parse);
        var (report, rendered) = InfraPipeline.Check(context.Catalog, paths, context.Error, render);
        if (rendered is not null)
        {
            context.Output.WriteLine(rendered.Summary);
        }

        Print(report, OutName(paths), parse.GetValue(InfraGenCommands.MsBuildOption), context.Output);
        return report.HasDrift ? ExitCodes.Failed : ExitCodes.Ok;
    });

    /// <summary>Writes the report: a line per file, the diffs, and last the line saying how to fix it.</summary>
    internal static void Print(DriftReport report, string outName, bool msbuild, TextWriter output)
    {
        if (!report.HasDrift)
        {
            output.WriteLine($"infragen check: {outName}/ matches the model ({report.Compared} files).");
            return;
        }

        if (report.OutMissing)
        {
            // Nothing was ever generated there (a wrong --out, or out/ not committed): one line, not a diff of every file.
            var missing = $"{outName}/ does not exist; the model generates {report.Files.Count} file(s) there.";
            output.WriteLine(msbuild ? $"{Path.GetFullPath(report.OutDirectory)}: error {DriftCode}: {missing}" : $"infragen check: {missing}");
            output.WriteLine(FixLine(report, outName));
            return;
        }

        output.WriteLine($"infragen check: {outName}/ differs from the model in {report.Files.Count} file(s); `generate` would make these changes:");
        foreach (var file in report.Files)
        {
            output.WriteLine($"  {Verb(file.Kind),-8} {Shown(outName, file.Path)}{(file.Removal is { } removal ? $"  ({removal})" : Why(file.Kind))}");
        }

        foreach (var file in report.Files)
        {
            output.WriteLine();
            if (msbuild)
            {
                // One canonical line per file, so MSBuild fails the build and IDEs and CI annotate the file.
                var line = file.Kind == DriftKind.Changed ? UnifiedDiff.FirstChangedLine(file.OnDisk, file.FromModel) : 1;
                output.WriteLine($"{Path.GetFullPath(Path.Combine(report.OutDirectory, file.Path))}({line}): error {DriftCode}: {Shown(outName, file.Path)} is {Verb(file.Kind)}: it differs from what the model generates.");
            }

            output.Write(Diff(file, outName));
        }

        output.WriteLine();
        output.WriteLine(FixLine(report, outName));
    }

    /// <summary>
    /// How to repair the drift. A copy outside the tree (CODEOWNERS) is not an input of the MSBuild step, so a
    /// <c>dotnet build</c> with nothing else changed skips generation and leaves a hand edit of it: only generate rewrites it.
    /// </summary>
    private static string FixLine(DriftReport report, string outName)
    {
        var outside = report.Files.Where(f => f.Path.StartsWith("../", StringComparison.Ordinal)).Select(f => Shown(outName, f.Path)).ToList();
        var commit = $"then commit model/ and {outName}/ together; never edit {outName}/ by hand.";
        return outside.Count == 0
            ? $"Fix: run `dotnet build` (or `infragen generate`) to regenerate {outName}/, {commit}"
            : $"Fix: run `infragen generate` to rewrite {string.Join(", ", outside)} (a `dotnet build` with nothing else changed skips generation); {commit}";
    }

    private static string Verb(DriftKind kind) => kind switch
    {
        DriftKind.Added => "added",
        DriftKind.Removed => "removed",
        _ => "changed",
    };

    private static string Why(DriftKind kind) => kind switch
    {
        DriftKind.Added => "  (the model produces it; it is missing on disk)",
        DriftKind.Removed => "  (on disk, but the model does not produce it)",
        _ => "  (its content differs from the model's)",
    };

    private static string Diff(FileDrift file, string outName)
    {
        var path = Shown(outName, file.Path);
        if ((file.Kind != DriftKind.Added && file.OnDisk is null) || (file.Kind != DriftKind.Removed && file.FromModel is null))
        {
            return $"Binary or unreadable file {path}: not shown.\n";
        }

        var diff = UnifiedDiff.Render(file.OnDisk, file.FromModel, $"{path} (on disk)", $"{path} (from the model)");
        if (diff.Length == 0)
        {
            return $"{path}: same lines, different bytes (line ends, a final newline, or a byte order mark).\n";
        }

        var lines = diff.Split('\n');
        return lines.Length <= MaxDiffLines
            ? diff
            : string.Join('\n', lines.Take(MaxDiffLines)) + $"\n... {lines.Length - MaxDiffLines} more diff lines of {path} not shown.\n";
    }

    /// <summary>
    /// A drifted file as messages show it: <c>out/values/…</c>, and a copy outside the tree (<c>../.github/CODEOWNERS</c>)
    /// by its path beside the tree (<c>.github/CODEOWNERS</c>).
    /// </summary>
    internal static string Shown(string outName, string path)
    {
        var segments = new List<string>(outName.Split('/'));
        foreach (var segment in path.Split('/'))
        {
            if (segment == ".." && segments.Count > 0 && segments[^1] is not (".." or ""))
            {
                segments.RemoveAt(segments.Count - 1);
            }
            else
            {
                segments.Add(segment);
            }
        }

        return string.Join('/', segments);
    }

    /// <summary>The output directory as messages show it: relative to the repository root when inside it.</summary>
    internal static string OutName(ModelPaths paths)
    {
        var relative = Path.GetRelativePath(paths.RepoRoot, Path.GetFullPath(paths.OutDirectory)).Replace('\\', '/');
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? Path.GetFullPath(paths.OutDirectory) : relative;
    }
}
