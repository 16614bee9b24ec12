using System.Globalization;
using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Drift;
using Cogrion.InfraGen.Hosting;
using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Output;

namespace Cogrion.InfraGen.Watch;

/// <summary>
/// What watch prints: per save, one line saying what was saved and what it did (with times), then each file of out/
/// that changed with a short diff; errors in the canonical format on standard error, then what watch does next.
/// </summary>
internal sealed class WatchOutput(ModelPaths paths, TextWriter output, TextWriter error)
{
    /// <summary>Changed lines shown per file: enough for a value edit, short enough for a renamed cluster.</summary>
    public const int DiffLinesPerFile = 12;

    /// <summary>Files listed with their diffs per save; the rest are named only.</summary>
    public const int DiffedFiles = 8;

    private readonly string _outName = CheckCommand.OutName(paths);

    public void Started(string project, TimeSpan took) =>
        Say($"infragen watch: {paths.Describe(project)} compiles in this process with the SDK's C# compiler ({SdkCompiler.Directory}); ready in {Seconds(took)}.");

    public void Watching() =>
        Say($"infragen watch: watching {Path.GetRelativePath(paths.RepoRoot, paths.ModelDirectory).Replace('\\', '/')}/ (C# files, releases.yaml, charts/); every save regenerates {_outName}/. Ctrl+C stops.");

    public void Generated(SaveBatch saves, DriftReport changes, WriteReport written, TimeSpan compiled, TimeSpan generated, long sinceSave)
    {
        var steps = compiled.TotalMilliseconds >= 1 ? $"compiled {Seconds(compiled)}, generated {Seconds(generated)}" : $"generated {Seconds(generated)}";
        var outcome = changes.Files.Count == 0
            ? $"{_outName}/ unchanged ({changes.Compared} files)"
            : $"{changes.Files.Count} file(s) changed in {_outName}/";
        // One write for the whole report: a reader (a terminal, a test waiting for the first line) never sees the
        // first line without the files and diff below it.
        List<string> report = [$"{Stamp(saves)}: {steps}, {Seconds(TimeSpan.FromMilliseconds(sinceSave))} after the save; {outcome}."];
        report.AddRange(changes.Files.Select(file => $"  {Verb(file.Kind),-8} {CheckCommand.Shown(_outName, file.Path)}"));
        report.AddRange(changes.Files.Take(DiffedFiles).SelectMany(file => ShortDiff(file)).Select(line => "    " + line));
        if (written.Published.Count > 0)
        {
            report.Add($"  (also written outside {_outName}/: {string.Join(", ", written.Published.Select(p => CheckCommand.Shown(_outName, p)))})");
        }

        Say(string.Join(output.NewLine, report));
    }

    public void CompileFailed(SaveBatch saves, IReadOnlyList<Watch.CompilerMessage> messages, long sinceSave)
    {
        foreach (var message in messages)
        {
            error.WriteLine(message.Format(paths.Describe));
        }

        var errors = messages.Count(m => m.IsError);
        Say($"{Stamp(saves)}: the model does not compile ({errors} error(s), {Seconds(TimeSpan.FromMilliseconds(sinceSave))} after the save); {_outName}/ was not changed. Waiting for the next save.");
    }

    public void Warnings(IReadOnlyList<Watch.CompilerMessage> messages)
    {
        foreach (var message in messages)
        {
            error.WriteLine(message.Format(paths.Describe));
        }
    }

    public void StillBroken(SaveBatch saves) =>
        Say($"{Stamp(saves)}: the model still does not compile (errors above); {_outName}/ was not changed.");

    public void Refused(SaveBatch saves, InfraGenException exception, long sinceSave)
    {
        foreach (var diagnostic in exception.Diagnostics)
        {
            error.WriteLine(diagnostic.Format(paths.Describe));
        }

        var changed = exception.OutChanged ? "was partly written (every file in it is whole)" : "was not changed";
        Say($"{Stamp(saves)}: {exception.Diagnostics.Count} error(s), {Seconds(TimeSpan.FromMilliseconds(sinceSave))} after the save; {_outName}/ {changed}. Waiting for the next save.");
    }

    public void Failed(SaveBatch saves, Exception exception)
    {
        error.WriteLine($"infragen: error INFRA1011: watch could not handle this save: {exception.GetType().Name}: {exception.Message}");
        Say($"{Stamp(saves)}: {_outName}/ was not changed. Waiting for the next save.");
    }

    /// <summary>
    /// The changed lines of a file, with their hunk headers and without context (<c>@@ -12 +12 @@</c>, <c>-replicaCount: 1</c>,
    /// <c>+replicaCount: 2</c>), at most <see cref="DiffLinesPerFile"/>; <c>check</c> prints the whole diff.
    /// </summary>
    internal IReadOnlyList<string> ShortDiff(FileDrift file)
    {
        var shown = CheckCommand.Shown(_outName, file.Path);
        if (file.Kind == DriftKind.Changed && (file.OnDisk is null || file.FromModel is null))
        {
            return [$"{shown}: binary or unreadable, not shown"];
        }

        var lines = UnifiedDiff.Render(file.OnDisk, file.FromModel, shown, shown).Split('\n')
            .Skip(2)
            .Where(l => l.StartsWith("@@", StringComparison.Ordinal) || l.StartsWith('-') || l.StartsWith('+'))
            .ToList();
        var result = new List<string> { $"{shown}:" };
        result.AddRange(lines.Take(DiffLinesPerFile));
        if (lines.Count > DiffLinesPerFile)
        {
            result.Add($"… {lines.Count - DiffLinesPerFile} more line(s); `infragen check` before a save, or `git diff {shown}`, shows them all");
        }

        return result;
    }

    private string Stamp(SaveBatch saves)
    {
        var time = DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        if (saves.Files.Count == 0)
        {
            return $"[{time}] start";
        }

        var names = saves.Files.Keys.Select(paths.Describe).ToList();
        return $"[{time}] {string.Join(", ", names.Take(3))}{(names.Count > 3 ? $" and {names.Count - 3} more" : string.Empty)}";
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";

    private static string Verb(DriftKind kind) => kind switch
    {
        DriftKind.Added => "added",
        DriftKind.Removed => "removed",
        _ => "changed",
    };

    private void Say(string line)
    {
        output.WriteLine(line);
        output.Flush();
    }
}
