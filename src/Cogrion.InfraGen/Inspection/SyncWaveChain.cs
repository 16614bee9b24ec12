using Cogrion.InfraGen.Loading;

namespace Cogrion.InfraGen.Inspection;

/// <summary>
/// Why an app's Application has its sync wave: its <c>DependsOn</c> (the line that declares it, as the source generator
/// recorded it), the waves of those apps, and so on down to the apps that depend on nothing (wave 0).
/// </summary>
public static class SyncWaveChain
{
    /// <summary>The steps for <paramref name="app"/>, then for each app it depends on (each once), nearest first.</summary>
    public static IReadOnlyList<Source> For(ResolvedEstate model, ValueOrigins origins, App app)
    {
        // A dependency stands for the estate's app of its name, as loading resolves it (a second instance is the same app).
        var estateApps = model.Apps.ToDictionary(a => a.Name, StringComparer.Ordinal);
        var steps = new List<Source>();
        var seen = new HashSet<App>();
        var pending = new Queue<App>([estateApps[app.Name]]);
        while (pending.TryDequeue(out var next))
        {
            if (!seen.Add(next))
            {
                continue;
            }

            var wave = model.Chart(next).SyncWave;
            if (next.DependsOn.Count == 0)
            {
                steps.Add(new Source(next.DeclaredAt, $"app {next.Name} has no DependsOn: wave {wave}"));
                continue;
            }

            var dependencies = next.DependsOn.Select(d => estateApps[d.Name]).ToList();
            var named = string.Join(", ", dependencies.Select(d => $"{d.Name} (wave {model.Chart(d).SyncWave})"));
            steps.Add(new Source(DependsOnLine(origins, next), $"app {next.Name} DependsOn {named}: one wave after the latest, {wave}"));
            foreach (var dependency in dependencies)
            {
                pending.Enqueue(dependency);
            }
        }

        return steps;
    }

    /// <summary>The <c>DependsOn = […]</c> line of the declaration when the generator recorded it, else the declaration.</summary>
    private static SourceLocation DependsOnLine(ValueOrigins origins, App app) =>
        origins.Function(app.ValuesInfo.TypeName) is { } function && function.Settings.TryGetValue(nameof(App.DependsOn), out var line)
            ? new SourceLocation(function.At.File, line)
            : app.DeclaredAt;
}
