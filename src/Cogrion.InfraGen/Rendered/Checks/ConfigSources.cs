using Cogrion.InfraGen.Documents;

namespace Cogrion.InfraGen.Rendered.Checks;

/// <summary>
/// The Secrets and ConfigMaps a release provides in a namespace, with their keys: rendered Secrets and ConfigMaps, and
/// the target Secret of each ExternalSecret (its <c>data[].secretKey</c>; a <c>dataFrom</c> makes the keys unknown), and
/// a Secret a Helm hook Job of the release creates, named by a <c>--secret-name</c> argument (kube-webhook-certgen, the
/// admission-webhook certificate Job of kube-prometheus-stack and ingress-nginx; its keys unknown); and the Secrets and
/// ConfigMaps the app declares it gets from outside the render (<see cref="App.ExternalObjects"/>; their keys unknown).
/// </summary>
public sealed class ConfigSources
{
    private readonly Dictionary<(string Kind, string Namespace, string Name), (RenderedObject? Source, HashSet<string>? Keys)> _sources = [];

    public ConfigSources(RenderedRelease release)
    {
        foreach (var external in release.App.ExternalObjects.Where(e => e.Kind is "Secret" or "ConfigMap"))
        {
            _sources[(external.Kind, release.Namespace, external.NameUnder(release.ReleaseName))] = (null, null);
        }

        foreach (var obj in release.Objects)
        {
            var ns = obj.Namespace ?? "";
            switch (obj.Kind)
            {
                case "Secret" when obj.Group == "":
                    _sources[("Secret", ns, obj.Name)] = (obj, Keys(obj.Document, "data", "stringData"));
                    break;
                case "ConfigMap" when obj.Group == "":
                    _sources[("ConfigMap", ns, obj.Name)] = (obj, Keys(obj.Document, "data", "binaryData"));
                    break;
                case "Job" when obj.Group == "batch" && (obj.Annotation("helm.sh/hook") ?? obj.Annotation("argocd.argoproj.io/hook")) is not null:
                    foreach (var name in SecretNameArguments(obj))
                    {
                        _sources.TryAdd(("Secret", ns, name), (obj, null));
                    }

                    break;
                case "ExternalSecret":
                    var spec = obj.Document["spec"] as DocMap;
                    var target = ((spec?["target"] as DocMap)?["name"] as DocScalar)?.Text ?? obj.Name;
                    HashSet<string>? keys = spec?["dataFrom"] is DocSeq { Count: > 0 } ? null : [];
                    foreach (var item in (spec?["data"] as DocSeq)?.OfType<DocMap>() ?? [])
                    {
                        if (item["secretKey"] is DocScalar key)
                        {
                            keys?.Add(key.Text);
                        }
                    }

                    _sources[("Secret", ns, target)] = (obj, keys);
                    break;
            }
        }
    }

    /// <summary>
    /// What provides a Secret or ConfigMap (null: declared external), with its keys (null: unknown, any key may be there);
    /// false when nothing does.
    /// </summary>
    public bool TryFind(string kind, string @namespace, string name, out RenderedObject? source, out IReadOnlySet<string>? keys)
    {
        var found = _sources.TryGetValue((kind, @namespace, name), out var entry);
        source = entry.Source;
        keys = entry.Keys;
        return found;
    }

    private static IEnumerable<string> SecretNameArguments(RenderedObject job)
    {
        foreach (var container in (KubernetesKinds.PodSpec(job.Document)?["containers"] as DocSeq)?.OfType<DocMap>() ?? [])
        {
            foreach (var argument in (container["args"] as DocSeq)?.OfType<DocScalar>() ?? [])
            {
                if (argument.Text.StartsWith("--secret-name=", StringComparison.Ordinal))
                {
                    yield return argument.Text["--secret-name=".Length..];
                }
            }
        }
    }

    private static HashSet<string> Keys(DocMap document, params string[] fields)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            if (document[field] is DocMap data)
            {
                foreach (var (key, _) in data)
                {
                    keys.Add(key);
                }
            }
        }

        return keys;
    }
}
