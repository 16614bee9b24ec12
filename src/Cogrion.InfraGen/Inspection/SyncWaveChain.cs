using Cogrion.InfraGen.Loading;

namespace Cogrion.InfraGen.Inspection;

/// <summary>
/// Why an app's Application has its sync wave: its <c>DependsOn</c> (the line that declares it, as the source generator
/// recorded it), the secret store's app it syncs after because it reads Secrets (derived by InfraGen, never listed), the
/// waves of those apps, and so on down to the apps that depend on nothing (wave 0).
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

            var chart = model.Chart(next);
            if (chart.Dependencies.Count == 0)
            {
                steps.Add(new Source(next.DeclaredAt, $"app {next.Name} has no DependsOn: wave {chart.SyncWave}"));
                continue;
            }

            var declared = chart.Dependencies.Where(d => next.DependsOn.Any(listed => listed?.Name == d.Name)).ToList();
            var derived = chart.Dependencies.Except(declared).ToList();
            var wave = $": one wave after the latest, {chart.SyncWave}";
            if (declared.Count > 0)
            {
                steps.Add(new Source(DeclarationSetting.Line(origins, next, nameof(App.DependsOn)), $"app {next.Name} DependsOn {Named(model, declared)}{(derived.Count == 0 ? wave : "")}"));
            }

            if (derived.Count > 0)
            {
                // Only the secret store is derived (DependencyWaves): the app's ExternalSecret needs its CRDs and store.
                steps.Add(new Source(
                    DeclarationSetting.Line(origins, next, nameof(App.Secrets)),
                    $"app {next.Name} reads Secrets, so it {(declared.Count > 0 ? "also " : "")}syncs after {Named(model, derived)}, the estate's SecretStoreApp "
                    + $"(its ExternalSecret needs External Secrets' CRDs and store; derived, not in DependsOn){wave}"));
            }

            foreach (var dependency in chart.Dependencies)
            {
                pending.Enqueue(dependency);
            }
        }

        return steps;
    }

    private static string Named(ResolvedEstate model, IEnumerable<App> apps) =>
        string.Join(", ", apps.Select(d => $"{d.Name} (wave {model.Chart(d).SyncWave})"));
}
