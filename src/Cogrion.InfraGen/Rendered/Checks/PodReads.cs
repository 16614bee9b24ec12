using Cogrion.InfraGen.Documents;

namespace Cogrion.InfraGen.Rendered.Checks;

/// <summary>One Secret or ConfigMap a pod reads, and which key (null: every key, as envFrom and whole volumes do).</summary>
/// <param name="Kind"><c>Secret</c> or <c>ConfigMap</c>.</param>
/// <param name="Name">The object's name.</param>
/// <param name="Key">The key read, or null for all of them.</param>
/// <param name="Optional">Whether the pod starts without it (<c>optional: true</c>).</param>
/// <param name="Pointer">Where the reference is, inside the object that runs the pod.</param>
public sealed record PodRead(string Kind, string Name, string? Key, bool Optional, string Pointer);

/// <summary>What a pod template reads: Secrets and ConfigMaps through env, envFrom, volumes and projected volumes.</summary>
public static class PodReads
{
    public static IEnumerable<PodRead> Of(RenderedObject obj)
    {
        if (KubernetesKinds.PodSpec(obj.Document) is not { } spec)
        {
            yield break;
        }

        var at = KubernetesKinds.PodSpecPointer(obj.Kind);
        foreach (var list in new[] { "initContainers", "containers" })
        {
            if (spec[list] is not DocSeq containers)
            {
                continue;
            }

            for (var c = 0; c < containers.Count; c++)
            {
                if (containers[c] is not DocMap container)
                {
                    continue;
                }

                var here = $"{at}/{list}/{c}";
                if (container["env"] is DocSeq env)
                {
                    for (var e = 0; e < env.Count; e++)
                    {
                        var from = (env[e] as DocMap)?["valueFrom"] as DocMap;
                        foreach (var (field, kind) in new[] { ("secretKeyRef", "Secret"), ("configMapKeyRef", "ConfigMap") })
                        {
                            if (from?[field] is DocMap reference && Text(reference, "name") is { } name)
                            {
                                yield return new PodRead(kind, name, Text(reference, "key"), IsOptional(reference), $"{here}/env/{e}/valueFrom/{field}");
                            }
                        }
                    }
                }

                if (container["envFrom"] is DocSeq envFrom)
                {
                    for (var e = 0; e < envFrom.Count; e++)
                    {
                        foreach (var (field, kind) in new[] { ("secretRef", "Secret"), ("configMapRef", "ConfigMap") })
                        {
                            if ((envFrom[e] as DocMap)?[field] is DocMap reference && Text(reference, "name") is { } name)
                            {
                                yield return new PodRead(kind, name, null, IsOptional(reference), $"{here}/envFrom/{e}/{field}");
                            }
                        }
                    }
                }
            }
        }

        if (spec["volumes"] is not DocSeq volumes)
        {
            yield break;
        }

        for (var v = 0; v < volumes.Count; v++)
        {
            if (volumes[v] is not DocMap volume)
            {
                continue;
            }

            var here = $"{at}/volumes/{v}";
            if (volume["secret"] is DocMap secret && Text(secret, "secretName") is { } secretName)
            {
                foreach (var read in Items("Secret", secretName, secret, $"{here}/secret"))
                {
                    yield return read;
                }
            }

            if (volume["configMap"] is DocMap configMap && Text(configMap, "name") is { } configMapName)
            {
                foreach (var read in Items("ConfigMap", configMapName, configMap, $"{here}/configMap"))
                {
                    yield return read;
                }
            }

            if ((volume["projected"] as DocMap)?["sources"] is DocSeq sources)
            {
                for (var s = 0; s < sources.Count; s++)
                {
                    foreach (var (field, kind) in new[] { ("secret", "Secret"), ("configMap", "ConfigMap") })
                    {
                        if ((sources[s] as DocMap)?[field] is DocMap source && Text(source, "name") is { } name)
                        {
                            foreach (var read in Items(kind, name, source, $"{here}/projected/sources/{s}/{field}"))
                            {
                                yield return read;
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>A volume of a Secret or ConfigMap reads the keys its <c>items</c> name, else all of them.</summary>
    private static IEnumerable<PodRead> Items(string kind, string name, DocMap source, string pointer)
    {
        var optional = IsOptional(source);
        if (source["items"] is DocSeq { Count: > 0 } items)
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] is DocMap item && Text(item, "key") is { } key)
                {
                    yield return new PodRead(kind, name, key, optional, $"{pointer}/items/{i}/key");
                }
            }
        }
        else
        {
            yield return new PodRead(kind, name, null, optional, pointer);
        }
    }

    private static bool IsOptional(DocMap reference) => reference["optional"] is DocScalar { Text: "true" };

    private static string? Text(DocMap map, string key) => map[key] is DocScalar { Kind: not ScalarKind.Null } s ? s.Text : null;
}
