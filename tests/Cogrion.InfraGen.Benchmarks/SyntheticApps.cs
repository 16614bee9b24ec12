using Cogrion.Infra;

namespace Cogrion.InfraGen.Benchmarks;

/// <summary>
/// The apps of a synthetic estate: the real model's apps, documents and conventions, as many as asked for. Up to
/// five, the first of the real apps in dependency order (ingress, keycloak, observability, temporal, control-plane),
/// so every app's dependencies are in the estate. Beyond five, the real apps again, in the same order, under new
/// names (<c>keycloak-2</c>, …): the same values, chart, secrets and dependencies, in a namespace of their own, as a
/// platform that adds services would have. Renaming (rather than inventing apps) keeps every document one the real
/// model renders, so schemas, rules and file sizes stay representative.
/// </summary>
public static class SyntheticApps
{
    /// <summary><paramref name="count"/> apps built from <paramref name="real"/>.</summary>
    public static IReadOnlyList<App> From(IReadOnlyList<App> real, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var ordered = DependenciesFirst(real);
        var apps = new List<App>(count);
        for (var i = 0; i < count; i++)
        {
            var original = ordered[i % ordered.Count];
            var copy = i / ordered.Count;
            apps.Add(copy == 0 ? original : new RenamedApp(original, $"{original.Name}-{copy + 1}"));
        }

        return apps;
    }

    /// <summary>The name of the real app <paramref name="app"/> was copied from, or its own name when it is a real app.</summary>
    public static string OriginalOf(App app) => app is RenamedApp renamed ? renamed.Original.Name : app.Name;

    /// <summary>Each app after the apps it depends on; among equals, by name.</summary>
    private static List<App> DependenciesFirst(IReadOnlyList<App> apps)
    {
        var ordered = new List<App>(apps.Count);
        var remaining = apps.OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
        while (remaining.Count > 0)
        {
            var next = remaining.FirstOrDefault(a => a.DependsOn.All(d => ordered.Any(o => o.Name == d.Name)))
                ?? throw new InvalidOperationException("The real model's apps depend on each other in a cycle.");
            ordered.Add(next);
            remaining.Remove(next);
        }

        return ordered;
    }

    /// <summary>A real app under another name: its own chart directory, Applications, values files and namespace.</summary>
    private sealed class RenamedApp : App
    {
        public RenamedApp(App original, string name)
            : base(original.Chart, original.DeclaredAt)
        {
            Original = original;
            ValuesInfo = original.ValuesInfo with { ChartName = name };
            DependsOn = original.DependsOn;
            Secrets = original.Secrets;
            IgnoreDifferences = original.IgnoreDifferences;
            AcceptedFindings = original.AcceptedFindings;
            ExternalObjects = original.ExternalObjects;
            SyncPolicy = original.SyncPolicy;
            RunsOn = original.RunsOn;
        }

        public App Original { get; }

        public override HelmValuesInfo ValuesInfo { get; }

        public override IHelmValues? ValuesFor(AppContext context) => Original.ValuesFor(context);
    }
}
