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
        DocWalk.Scalars(view.Merged, (path, _, scalar) =>
        {
            if (scalar.Kind != ScalarKind.String || !scalar.Text.Contains('.'))
            {
                return;
            }

            foreach (var host in HostNames(scalar.Text))
            {
                var owner = OwnerOf(host, owners);
                if (owner is not null && owner != own)
                {
                    problems.Add(ValidationErrors.ForeignDomain(own, host, owner, domains[owner], domains[own], view.OriginOf(path), view.FileOf(path).Path, DocPointer.Format(path)));
                }
            }
        });
        return problems;
    }

    /// <summary>Runs of host-name characters holding a dot, lower-cased, outer dots trimmed.</summary>
    private static IEnumerable<string> HostNames(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '-')
            {
                start = start < 0 ? i : start;
                continue;
            }

            if (start >= 0)
            {
                var token = text[start..i].Trim('.');
                if (token.Contains('.'))
                {
                    yield return token.ToLowerInvariant();
                }

                start = -1;
            }
        }
    }

    /// <summary>The cluster whose domain is the longest suffix of <paramref name="host"/> on a label boundary.</summary>
    private static string? OwnerOf(string host, Dictionary<string, string> owners)
    {
        for (var candidate = host; candidate.Length > 0;)
        {
            if (owners.TryGetValue(candidate, out var owner))
            {
                return owner;
            }

            var dot = candidate.IndexOf('.');
            candidate = dot < 0 ? string.Empty : candidate[(dot + 1)..];
        }

        return null;
    }
}
