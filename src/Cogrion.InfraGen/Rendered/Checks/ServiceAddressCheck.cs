using System.Text.RegularExpressions;
using Cogrion.InfraGen.Documents;

namespace Cogrion.InfraGen.Rendered.Checks;

/// <summary>
/// INFRA4115: an environment value that is an in-cluster Service address (<c>name:port</c>, <c>name.namespace</c>,
/// <c>name.namespace.svc[.cluster.local]</c>, with an optional port) names a Service the cluster's apps render. A name
/// that holds for one release name only shows up here under the second release name.
/// </summary>
public sealed partial class ServiceAddressCheck : IReleaseCheck
{
    public IEnumerable<RenderFinding> Check(RenderFacts facts, RenderedRelease release)
    {
        var services = facts.On(release.Cluster).Where(r => r.App != release.App).Append(release)
            .SelectMany(r => r.Objects).Where(o => o.Kind == "Service" && o.Group == "").Select(o => (o.Namespace, o.Name)).ToHashSet();
        foreach (var obj in release.Objects)
        {
            if (KubernetesKinds.PodSpec(obj.Document) is not { } spec)
            {
                continue;
            }

            foreach (var list in (string[])["initContainers", "containers"])
            {
            var containers = spec[list] as DocSeq;
            for (var c = 0; containers is not null && c < containers.Count; c++)
            {
                var env = (containers[c] as DocMap)?["env"] as DocSeq;
                for (var e = 0; env is not null && e < env.Count; e++)
                {
                    if ((env[e] as DocMap)?["value"] is not DocScalar { Kind: ScalarKind.String } value || Address().Match(value.Text) is not { Success: true } match)
                    {
                        continue;
                    }

                    var name = match.Groups["name"].Value;
                    var ns = match.Groups["namespace"].Success ? match.Groups["namespace"].Value : obj.Namespace;
                    if ((!match.Groups["port"].Success && !match.Groups["svc"].Success) || name == "localhost")
                    {
                        continue; // "a.b" alone is as likely a host name as a Service; localhost is the pod itself.
                    }

                    if (!services.Contains((ns, name)))
                    {
                        yield return new RenderFinding("INFRA4115", obj, $"{KubernetesKinds.PodSpecPointer(obj.Kind)}/{list}/{c}/env/{e}/value",
                            $"points {(((env[e] as DocMap)?["name"] as DocScalar)?.Text ?? "an environment variable")} at '{value.Text}', but no app of cluster '{release.Cluster.Name}' renders a Service '{name}' in namespace '{ns}'; "
                            + "address a Service the cluster renders by the name its chart gives it (derived from the release name, not spelled out), or an external host by its full DNS name.");
                    }
                }
            }
            }
        }
    }

    [GeneratedRegex(@"^(?<name>[a-z0-9]([-a-z0-9]*[a-z0-9])?)(\.(?<namespace>[a-z0-9]([-a-z0-9]*[a-z0-9])?)(?<svc>\.svc(\.cluster\.local)?)?)?(:(?<port>[0-9]{1,5}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Address();
}
