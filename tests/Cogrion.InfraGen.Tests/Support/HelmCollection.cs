namespace Cogrion.InfraGen.Tests.Support;

/// <summary>
/// Tests that run the pinned Helm: one at a time, as each render already runs Helm on every core, and they share one
/// render cache (<see cref="PinnedHelm.CacheDirectory"/>).
/// </summary>
[CollectionDefinition(Name)]
public sealed class HelmCollection
{
    public const string Name = "Pinned Helm";
}
