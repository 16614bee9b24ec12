using Cogrion.InfraGen.Documents;

namespace Cogrion.InfraGen.Rendered.Checks;

/// <summary>
/// INFRA4104: every key an ExternalSecret fetches is read by some pod of the release (a secret nobody reads is either a
/// typo on one side or an app that starts without it, like an admin password no container takes).
/// </summary>
public sealed class UnreadSecretKeyCheck : IReleaseCheck
{
    public IEnumerable<RenderFinding> Check(RenderFacts facts, RenderedRelease release)
    {
        var reads = release.Objects.SelectMany(o => PodReads.Of(o).Select(r => (Namespace: o.Namespace ?? release.Namespace, Read: r))).ToList();
        foreach (var obj in release.Objects.Where(o => o.Kind == "ExternalSecret"))
        {
            var spec = obj.Document["spec"] as DocMap;
            var target = ((spec?["target"] as DocMap)?["name"] as DocScalar)?.Text ?? obj.Name;
            var ofTarget = reads.Where(r => r.Read.Kind == "Secret" && r.Read.Name == target && r.Namespace == obj.Namespace).Select(r => r.Read).ToList();
            if (ofTarget.Any(r => r.Key is null))
            {
                continue; // envFrom or a whole volume reads every key.
            }

            var data = spec?["data"] as DocSeq;
            for (var i = 0; data is not null && i < data.Count; i++)
            {
                if (data[i] is DocMap item && item["secretKey"] is DocScalar key && !ofTarget.Exists(r => r.Key == key.Text))
                {
                    yield return new RenderFinding("INFRA4104", obj, $"/spec/data/{i}/secretKey",
                        $"fetches key '{key.Text}' into Secret '{target}', but no container of the release reads it (env secretKeyRef, envFrom or a volume); "
                        + "read it where it is needed, or remove the AppSecret.");
                }
            }
        }
    }
}
