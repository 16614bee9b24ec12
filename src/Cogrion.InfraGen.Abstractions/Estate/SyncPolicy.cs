namespace Cogrion.InfraGen;

/// <summary>How Argo CD syncs an Application.</summary>
/// <param name="Automated">Sync on every change of the repository (the seed: yes, for dev and, after review, prod).</param>
/// <param name="Prune">Delete resources that left the repository.</param>
/// <param name="SelfHeal">Undo changes made in the cluster by hand.</param>
public sealed record SyncPolicy(bool Automated = true, bool Prune = true, bool SelfHeal = true)
{
    /// <summary>
    /// Apply server-side (<c>ServerSideApply=true</c>). Needed when the chart renders an object over 262,144 bytes as JSON
    /// (large CRDs): client-side apply keeps a copy of every object in an annotation of that size limit (argo-cd#8128).
    /// The render check (INFRA4201) says when an app needs it.
    /// </summary>
    public bool ServerSideApply { get; init; }

    /// <summary>The seed's policy: automated, prune and self-heal.</summary>
    public static SyncPolicy Default { get; } = new();
}
