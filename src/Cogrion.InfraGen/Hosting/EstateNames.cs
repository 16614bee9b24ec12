namespace Cogrion.InfraGen.Hosting;

/// <summary>Finds the cluster or app a person named on the command line; an unknown name is reported with the known ones.</summary>
internal static class EstateNames
{
    public static Cluster? Cluster(IEnumerable<Cluster> clusters, string name, string verb, TextWriter error) =>
        Find(clusters, c => c.Name, name, "cluster", verb, error);

    public static App? App(IEnumerable<App> apps, string name, string verb, TextWriter error) =>
        Find(apps, a => a.Name, name, "app", verb, error);

    private static T? Find<T>(IEnumerable<T> items, Func<T, string> nameOf, string name, string what, string verb, TextWriter error)
        where T : class
    {
        var found = items.FirstOrDefault(i => nameOf(i) == name);
        if (found is null)
        {
            var known = items.Select(nameOf).Order(StringComparer.Ordinal);
            error.WriteLine($"infragen {verb}: error: no {what} '{name}'; the {what}s are {string.Join(", ", known)}.");
        }

        return found;
    }
}
