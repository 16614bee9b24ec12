using Cogrion.InfraGen.Documents;

namespace Cogrion.InfraGen.Rendered.Checks;

/// <summary>
/// INFRA4105/INFRA4106: every Service's selector matches the pod template of some object of the release, and every named
/// <c>targetPort</c> is a container port name of those pods. Two kinds of pods are not in the release's templates and
/// count as matches: pods an operator creates for a custom resource of the release (operators name their workloads
/// after the resource, so a selector value equal to its name; Prometheus, Alertmanager), and the pods every EKS cluster
/// runs in kube-system (<see cref="EksSystemPods"/>).
/// </summary>
public sealed class ServiceCheck : IReleaseCheck
{
    /// <summary>The kube-system pods of an EKS cluster's default add-ons (CoreDNS, kube-proxy), by the label that selects them.</summary>
    public static readonly IReadOnlyList<(string Label, string Value)> EksSystemPods = [("k8s-app", "kube-dns"), ("k8s-app", "kube-proxy")];

    public IEnumerable<RenderFinding> Check(RenderFacts facts, RenderedRelease release)
    {
        var pods = release.Objects.Select(o => (Object: o, Labels: KubernetesKinds.PodLabels(o.Document))).Where(p => p.Labels is not null).ToList();
        var customResources = release.Objects.Where(o => facts.Crd(release.Cluster, o) is not null).Select(o => (o.Namespace, o.Name)).ToHashSet();
        foreach (var service in release.Objects.Where(o => o.Kind == "Service" && o.Group == ""))
        {
            var spec = service.Document["spec"] as DocMap;
            if (spec?["selector"] is not DocMap { Count: > 0 } selector)
            {
                continue; // No selector: endpoints are managed by hand or by another controller (ExternalName, headless to external).
            }

            if (selector.Any(e => e.Value is DocScalar v && customResources.Contains((service.Namespace, v.Text)))
                || service.Namespace == "kube-system" && selector.Count == 1 && selector.Any(e => e.Value is DocScalar v && EksSystemPods.Contains((e.Key, v.Text))))
            {
                continue; // Pods made by an operator for a resource of the release, or EKS's own: their ports are not in the templates either.
            }

            var matched = pods.Where(p => p.Object.Namespace == service.Namespace && Matches(selector, p.Labels!)).Select(p => p.Object).ToList();
            if (matched.Count == 0)
            {
                var wanted = string.Join(", ", selector.Select(e => $"{e.Key}={(e.Value as DocScalar)?.Text}"));
                yield return new RenderFinding("INFRA4105", service, "/spec/selector",
                    $"selects pods labelled {wanted}, but no pod template of the release in namespace '{service.Namespace}' carries those labels; the selector must match a Deployment's, StatefulSet's or DaemonSet's pod labels.");
                continue;
            }

            var portNames = matched.SelectMany(ContainerPortNames).ToHashSet(StringComparer.Ordinal);
            if (spec["ports"] is not DocSeq ports)
            {
                continue;
            }

            for (var i = 0; i < ports.Count; i++)
            {
                if ((ports[i] as DocMap)?["targetPort"] is DocScalar { Kind: ScalarKind.String } named && !portNames.Contains(named.Text))
                {
                    yield return new RenderFinding("INFRA4106", service, $"/spec/ports/{i}/targetPort",
                        $"forwards to container port '{named.Text}', which no container of {string.Join(", ", matched.Select(m => m.Id))} names; "
                        + $"named ports there: {(portNames.Count == 0 ? "none" : string.Join(", ", portNames.Order(StringComparer.Ordinal)))}.");
                }
            }
        }
    }

    private static bool Matches(DocMap selector, DocMap labels) =>
        selector.All(e => labels[e.Key] is DocScalar label && e.Value is DocScalar wanted && label.Text == wanted.Text);

    private static IEnumerable<string> ContainerPortNames(RenderedObject obj)
    {
        var spec = KubernetesKinds.PodSpec(obj.Document);
        foreach (var container in (spec?["containers"] as DocSeq)?.OfType<DocMap>() ?? [])
        {
            foreach (var port in (container["ports"] as DocSeq)?.OfType<DocMap>() ?? [])
            {
                if (port["name"] is DocScalar name)
                {
                    yield return name.Text;
                }
            }
        }
    }
}
