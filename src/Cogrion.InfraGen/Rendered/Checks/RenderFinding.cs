namespace Cogrion.InfraGen.Rendered.Checks;

/// <summary>One problem in what Helm rendered: the object, where in it, and what is wrong and allowed.</summary>
/// <param name="Code">The INFRA4xxx ID.</param>
/// <param name="Object">The object the problem is in.</param>
/// <param name="Pointer">The JSON pointer inside the object.</param>
/// <param name="Message">What is wrong; what is allowed.</param>
public sealed record RenderFinding(string Code, RenderedObject Object, string Pointer, string Message);

/// <summary>A check of one release (one app on one cluster) against what the cluster renders.</summary>
public interface IReleaseCheck
{
    IEnumerable<RenderFinding> Check(RenderFacts facts, RenderedRelease release);
}

/// <summary>A check across every release of one cluster.</summary>
public interface IClusterCheck
{
    IEnumerable<(RenderedRelease Release, RenderFinding Finding)> Check(RenderFacts facts, Cluster cluster, IReadOnlyList<RenderedRelease> releases);
}
