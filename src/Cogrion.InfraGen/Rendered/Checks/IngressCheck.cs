using Cogrion.InfraGen.Documents;

namespace Cogrion.InfraGen.Rendered.Checks;

/// <summary>
/// INFRA4107/INFRA4108: every Ingress backend is a Service of the release with that port (number or name), and every TLS
/// host is one of the Ingress's rule hosts (a TLS entry for another host is a certificate nothing serves: upstream
/// placeholders such as <c>keycloak.example.com</c> end up there).
/// </summary>
public sealed class IngressCheck : IReleaseCheck
{
    public IEnumerable<RenderFinding> Check(RenderFacts facts, RenderedRelease release)
    {
        var services = release.Objects.Where(o => o.Kind == "Service" && o.Group == "").ToDictionary(o => (o.Namespace, o.Name), o => o);
        foreach (var ingress in release.Objects.Where(o => o.Kind == "Ingress" && o.Group == "networking.k8s.io"))
        {
            var spec = ingress.Document["spec"] as DocMap;
            foreach (var (backend, pointer) in Backends(spec))
            {
                if (backend["service"] is not DocMap service || service["name"] is not DocScalar name)
                {
                    continue; // A resource backend (not a Service).
                }

                if (!services.TryGetValue((ingress.Namespace, name.Text), out var target))
                {
                    yield return new RenderFinding("INFRA4107", ingress, pointer + "/service/name",
                        $"routes to Service '{name.Text}', which the release does not create in namespace '{ingress.Namespace}'; it must name a Service of the release.");
                    continue;
                }

                if (service["port"] is DocMap port && !HasPort(target, port))
                {
                    var wanted = (port["name"] as DocScalar)?.Text ?? (port["number"] as DocScalar)?.Text;
                    yield return new RenderFinding("INFRA4107", ingress, pointer + "/service/port",
                        $"routes to port '{wanted}' of Service '{name.Text}', which has ports {Ports(target)}.");
                }
            }

            var hosts = ((spec?["rules"] as DocSeq)?.OfType<DocMap>() ?? []).Select(r => (r["host"] as DocScalar)?.Text).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var tls = spec?["tls"] as DocSeq;
            for (var t = 0; tls is not null && t < tls.Count; t++)
            {
                var tlsHosts = (tls[t] as DocMap)?["hosts"] as DocSeq;
                for (var h = 0; tlsHosts is not null && h < tlsHosts.Count; h++)
                {
                    if (tlsHosts[h] is DocScalar host && !hosts.Contains(host.Text))
                    {
                        yield return new RenderFinding("INFRA4108", ingress, $"/spec/tls/{t}/hosts/{h}",
                            $"has a TLS host '{host.Text}' that none of its rules serves; TLS hosts must be rule hosts ({(hosts.Count == 0 ? "none" : string.Join(", ", hosts.Order(StringComparer.Ordinal)))}).");
                    }
                }
            }
        }
    }

    private static IEnumerable<(DocMap Backend, string Pointer)> Backends(DocMap? spec)
    {
        if (spec?["defaultBackend"] is DocMap fallback)
        {
            yield return (fallback, "/spec/defaultBackend");
        }

        var rules = spec?["rules"] as DocSeq;
        for (var r = 0; rules is not null && r < rules.Count; r++)
        {
            var paths = ((rules[r] as DocMap)?["http"] as DocMap)?["paths"] as DocSeq;
            for (var p = 0; paths is not null && p < paths.Count; p++)
            {
                if ((paths[p] as DocMap)?["backend"] is DocMap backend)
                {
                    yield return (backend, $"/spec/rules/{r}/http/paths/{p}/backend");
                }
            }
        }
    }

    private static bool HasPort(RenderedObject service, DocMap port)
    {
        var ports = ((service.Document["spec"] as DocMap)?["ports"] as DocSeq)?.OfType<DocMap>().ToList() ?? [];
        return port["name"] is DocScalar name ? ports.Exists(p => (p["name"] as DocScalar)?.Text == name.Text)
            : port["number"] is DocScalar number ? ports.Exists(p => (p["port"] as DocScalar)?.Text == number.Text)
            : true;
    }

    private static string Ports(RenderedObject service) => string.Join(", ",
        (((service.Document["spec"] as DocMap)?["ports"] as DocSeq)?.OfType<DocMap>() ?? [])
            .Select(p => p["name"] is DocScalar n ? $"{n.Text} ({(p["port"] as DocScalar)?.Text})" : (p["port"] as DocScalar)?.Text ?? "?"));
}
