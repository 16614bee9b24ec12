using Cogrion.InfraGen.Loading;

namespace Cogrion.InfraGen.Inspection;

/// <summary>
/// Why an app's Application has its sync wave: its <c>DependsOn</c> (the line that declares it, as the source generator
/// recorded it), the waves of those apps, and so on down to the apps that depend on nothing (wave 0).
/// </summary>
public static class SyncWaveChain
{
    /// <summary>The steps for <paramref name="app"/>, then for each app it depends on (each once), nearest first.</summary>
    public static IReadOnlyList<Source> For(InfraModel model, ValueOrigins origins, App app)
    {
        var steps = new List<Source>();
        var byName = model.Apps.ToDictionary(a => a.Name, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<App>([app]);
        while (pending.TryDequeue(out var next))
        {
            if (!seen.Add(next.Name))
            {
                continue;
            }

            var wave = model.SyncWaves[next.Name];
            if (next.DependsOn.Count == 0)
            {
                steps.Add(new Source(next.DeclaredAt, $"app {next.Name} has no DependsOn: wave 0"));
                continue;
            }

            var dependencies = string.Join(", ", next.DependsOn.Select(d => $"{d} (wave {model.SyncWaves.GetValueOrDefault(d)})"));
            steps.Add(new Source(DependsOnLine(origins, next), $"app {next.Name} DependsOn {dependencies}: one wave after the latest, {wave}"));
            foreach (var dependency in next.DependsOn.Where(byName.ContainsKey))
            {
                pending.Enqueue(byName[dependency]);
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
