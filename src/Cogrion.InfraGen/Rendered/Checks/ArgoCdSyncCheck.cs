using Cogrion.InfraGen.Documents;

namespace Cogrion.InfraGen.Rendered.Checks;

/// <summary>
/// Argo CD's own rules for what it syncs:
/// INFRA4201: an object over 262,144 bytes of JSON cannot be applied client-side (the last-applied annotation is too
/// long, argo-cd#8128), so its Application needs <c>ServerSideApply=true</c> (or the object the sync-options annotation);
/// INFRA4202: a plain Job with <c>ttlSecondsAfterFinished</c> under self-heal is deleted by the TTL controller and created
/// again by the next sync, forever (and a changed pod template while it exists is an immutable-field error): it must be
/// an Argo CD hook, or have no TTL.
/// </summary>
public sealed class ArgoCdSyncCheck : IReleaseCheck
{
    /// <summary>The annotation size limit client-side apply runs into.</summary>
    public const int ClientSideApplyLimit = 262_144;

    public IEnumerable<RenderFinding> Check(RenderFacts facts, RenderedRelease release)
    {
        var serverSide = facts.SyncOptions(release.Cluster, release.App).Contains("ServerSideApply=true");
        var selfHeal = facts.SelfHeals(release.Cluster, release.App);
        foreach (var obj in release.Objects)
        {
            if (obj.JsonBytes > ClientSideApplyLimit && !serverSide
                && !(obj.Annotation("argocd.argoproj.io/sync-options")?.Contains("ServerSideApply=true", StringComparison.Ordinal) ?? false))
            {
                yield return new RenderFinding("INFRA4201", obj, "",
                    $"is {obj.JsonBytes:N0} bytes as JSON, over the {ClientSideApplyLimit:N0} bytes client-side apply can store (metadata.annotations: Too long); "
                    + $"the Application needs server-side apply: set ServerSideApply on the app's SyncPolicy.");
            }

            if (selfHeal && obj.Kind == "Job" && obj.Group == "batch" && (obj.Document["spec"] as DocMap)?["ttlSecondsAfterFinished"] is DocScalar
                && obj.Annotation("argocd.argoproj.io/hook") is null && obj.Annotation("helm.sh/hook") is null)
            {
                yield return new RenderFinding("INFRA4202", obj, "/spec/ttlSecondsAfterFinished",
                    "is a plain Job with ttlSecondsAfterFinished under self-heal: the TTL controller deletes it and the next sync creates it again (a changed pod template while it exists fails as an immutable field); "
                    + "make it an Argo CD hook (argocd.argoproj.io/hook with a hook-delete-policy) or drop the TTL.");
            }
        }
    }
}
