using Cogrion.InfraGen.Diagnostics;

namespace Cogrion.InfraGen.Loading;

/// <summary>
/// Each app's dependencies and Argo CD sync wave (the length of its longest dependency chain). Dependencies are app
/// objects, each standing for the estate's app of its name (a second instance of an app is the same app); a null one,
/// one the estate does not list, or a cycle is a model error.
/// </summary>
internal static class DependencyWaves
{
    /// <summary>Each app's resolved dependencies and wave. Reports null and unknown dependencies and the first cycle.</summary>
    public static Dictionary<App, (IReadOnlyList<App> Dependencies, int Wave)> Compute(List<App> apps, List<InfraDiagnostic> diagnostics)
    {
        var known = apps.ToDictionary(a => a.Name, StringComparer.Ordinal);
        var dependencies = apps.ToDictionary(a => a, a => Resolve(a, known, diagnostics));
        var waves = new Dictionary<App, int>(ReferenceEqualityComparer.Instance);
        var visiting = new List<App>();
        var reportedCycle = false;

        int Wave(App app)
        {
            if (waves.TryGetValue(app, out var wave))
            {
                return wave;
            }

            var index = visiting.IndexOf(app);
            if (index >= 0)
            {
                if (!reportedCycle)
                {
                    diagnostics.Add(ModelErrors.DependencyCycle([.. visiting.Skip(index).Select(a => a.Name), app.Name], app.DeclaredAt));
                    reportedCycle = true;
                }

                return 0;
            }

            visiting.Add(app);
            wave = 0;
            foreach (var dependency in dependencies[app])
            {
                wave = Math.Max(wave, Wave(dependency) + 1);
            }

            visiting.RemoveAt(visiting.Count - 1);
            waves[app] = wave;
            return wave;
        }

        return apps.ToDictionary(a => a, a => ((IReadOnlyList<App>)dependencies[a], Wave(a)));
    }

    /// <summary>The estate's apps that <paramref name="app"/> depends on; reports the other entries.</summary>
    private static List<App> Resolve(App app, Dictionary<string, App> known, List<InfraDiagnostic> diagnostics)
    {
        var found = new List<App>();
        for (var i = 0; i < app.DependsOn.Count; i++)
        {
            var dependency = app.DependsOn[i];
            if (dependency is null)
            {
                diagnostics.Add(ModelErrors.NullApp($"App '{app.Name}' DependsOn", i, app.DeclaredAt));
            }
            else if (known.TryGetValue(dependency.Name, out var resolved))
            {
                found.Add(resolved);
            }
            else
            {
                diagnostics.Add(ModelErrors.UnknownDependency(app.Name, dependency.Name, app.DeclaredAt));
            }
        }

        return found;
    }
}
