using Cogrion.InfraGen.Documents;

namespace Cogrion.InfraGen.Rendered.Checks;

/// <summary>
/// INFRA4102/INFRA4103/INFRA4109: every Secret and ConfigMap a pod reads exists in the release (a Secret, an ExternalSecret's
/// target or a ConfigMap) and has the key it reads; every <c>serviceAccountName</c> is a ServiceAccount of the release.
/// A reference marked <c>optional: true</c> may be missing, and so may one to an object the app declares external
/// (<see cref="App.ExternalObjects"/>).
/// </summary>
public sealed class ConfigReferenceCheck : IReleaseCheck
{
    public IEnumerable<RenderFinding> Check(RenderFacts facts, RenderedRelease release)
    {
        var sources = new ConfigSources(release);
        var accounts = release.Objects.Where(o => o.Kind == "ServiceAccount").Select(o => (o.Namespace, o.Name))
            .Concat(release.App.ExternalObjects.Where(e => e.Kind == "ServiceAccount").Select(e => ((string?)release.Namespace, e.NameUnder(release.ReleaseName))))
            .ToHashSet();
        foreach (var obj in release.Objects)
        {
            var ns = obj.Namespace ?? release.Namespace;
            foreach (var read in PodReads.Of(obj))
            {
                if (!sources.TryFind(read.Kind, ns, read.Name, out var source, out var keys))
                {
                    if (!read.Optional)
                    {
                        yield return new RenderFinding("INFRA4102", obj, read.Pointer,
                            $"reads {read.Kind} '{read.Name}'{(read.Key is null ? "" : $" key '{read.Key}'")}, which the release does not create in namespace '{ns}'; "
                            + $"it must be a {read.Kind} of the release{(read.Kind == "Secret" ? ", or the target of one of its ExternalSecrets (an AppSecret of the app)" : "")}, "
                            + "or, when something else makes it (a hook at sync, a controller), declared in the app's ExternalObjects with where it comes from.");
                    }
                }
                else if (read.Key is not null && keys is not null && !keys.Contains(read.Key) && !read.Optional)
                {
                    yield return new RenderFinding("INFRA4103", obj, read.Pointer,
                        $"reads key '{read.Key}' of {read.Kind} '{read.Name}' ({source?.Id}), which has only {(keys.Count == 0 ? "no keys" : string.Join(", ", keys.Order(StringComparer.Ordinal).Select(k => $"'{k}'")))}.");
                }
            }

            if (KubernetesKinds.PodSpec(obj.Document) is { } spec && spec["serviceAccountName"] is DocScalar { Kind: ScalarKind.String } account
                && account.Text != "default" && !accounts.Contains((ns, account.Text)))
            {
                yield return new RenderFinding("INFRA4109", obj, KubernetesKinds.PodSpecPointer(obj.Kind) + "/serviceAccountName",
                    $"runs as ServiceAccount '{account.Text}', which the release does not create in namespace '{ns}'; it must be a ServiceAccount of the release (or 'default').");
            }
        }
    }
}
