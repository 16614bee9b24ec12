using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Documents;

namespace Cogrion.InfraGen.Validation.Rules;

/// <summary>
/// INFRA2108: a cluster's values name only its own hosts. With <see cref="Estate.ClusterDomain"/> set, every host
/// name found in a cluster's values (alone or inside a URL, <c>host:port</c>…) that lies under some cluster's
/// domain must lie under this cluster's: the most specific matching domain wins, so <c>auth.dev.sgp-1.cogrion.com</c>
/// is dev-sgp-1's even though prod-sgp-1's domain <c>sgp-1.cogrion.com</c> is a suffix of it. Hosts under no
/// cluster's domain (an upstream registry, a SaaS endpoint) are not judged.
/// </summary>
public sealed class ClusterDomainRule : ITreeRule
{
    public IEnumerable<InfraDiagnostic> Check(TreeFacts facts)
    {
        if (facts.Estate.ClusterDomain is not { } domainOf)
        {
            return [];
        }

        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        var domains = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var cluster in facts.Model.Clusters)
        {
            var domain = domainOf(cluster).Trim('.').ToLowerInvariant();
            domains[cluster.Name] = domain;
            owners.TryAdd(domain, cluster.Name);
        }

        var found = new List<InfraDiagnostic>[facts.Values.Count];
        Parallel.For(0, facts.Values.Count, i => found[i] = CheckValues(facts.Values[i], owners, domains));
        return found.SelectMany(f => f);
    }

    private static List<InfraDiagnostic> CheckValues(ValuesView view, Dictionary<string, string> owners, Dictionary<string, string> domains)
    {
        var problems = new List<InfraDiagnostic>();
        var own = view.Cluster.Name;
        var lookup = owners.GetAlternateLookup<ReadOnlySpan<char>>();
        DocWalk.Scalars(view.Merged, (path, _, scalar) =>
        {
            if (scalar.Kind != ScalarKind.String || !scalar.Text.Contains('.'))
            {
                return;
            }

            var text = scalar.Text;
            for (var start = 0; start < text.Length;)
            {
                var length = text.AsSpan(start).IndexOfAnyExcept(HostCharacters);
                length = length < 0 ? text.Length - start : length;
                var host = text.AsSpan(start, length).Trim('.');
                start += Math.Max(length, 1);
                if (host.Contains('.') && OwnerOf(host, lookup) is { } owner && owner != own)
                {
                    problems.Add(ValidationErrors.ForeignDomain(own, host.ToString().ToLowerInvariant(), owner, domains[owner], domains[own],
                        view.ProducerOf(path), view.FileOf(path).Path, DocPointer.Format(path)));
                }
            }
        });
        return problems;
    }

    private static readonly System.Buffers.SearchValues<char> HostCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-");

    /// <summary>The cluster whose domain is the longest suffix of <paramref name="host"/> on a label boundary.</summary>
    private static string? OwnerOf(ReadOnlySpan<char> host, Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> owners)
    {
        Span<char> lower = host.Length <= 256 ? stackalloc char[host.Length] : new char[host.Length];
        host.ToLowerInvariant(lower);
        for (ReadOnlySpan<char> candidate = lower; candidate.Length > 0;)
        {
            if (owners.TryGetValue(candidate, out var owner))
            {
                return owner;
            }

            var dot = candidate.IndexOf('.');
            candidate = dot < 0 ? [] : candidate[(dot + 1)..];
        }

        return null;
    }
}
