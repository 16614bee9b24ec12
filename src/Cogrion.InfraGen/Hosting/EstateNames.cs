using Cogrion.InfraGen.Diagnostics;

namespace Cogrion.InfraGen.Hosting;

/// <summary>
/// Finds the clusters and apps a person named on the command line. Every unknown name is kept, so one run reports all
/// of them (INFRA1021, with the known names) when the verb calls <see cref="ThrowIfUnknown"/>.
/// </summary>
internal sealed class EstateNames(string verb)
{
    private readonly List<InfraDiagnostic> _unknown = [];

    public Cluster? Cluster(IEnumerable<Cluster> clusters, string name) => Find(clusters, c => c.Name, name, "cluster");

    public App? App(IEnumerable<App> apps, string name) => Find(apps, a => a.Name, name, "app");

    /// <summary>Stops the verb with every unknown name, if there was one.</summary>
    public void ThrowIfUnknown()
    {
        if (_unknown.Count > 0)
        {
            throw new InfraGenException(_unknown);
        }
    }

    private T? Find<T>(IEnumerable<T> items, Func<T, string> nameOf, string name, string what)
        where T : class
    {
        var found = items.FirstOrDefault(i => nameOf(i) == name);
        if (found is null)
        {
            _unknown.Add(HostErrors.UnknownName(verb, what, name, items.Select(nameOf)));
        }

        return found;
    }
}
