using Cogrion.InfraGen.Rendering;

namespace Cogrion.InfraGen.Output;

/// <summary>What a write did.</summary>
/// <param name="Written">Files created or changed.</param>
/// <param name="Deleted">Files removed because the model no longer produces them.</param>
/// <param name="Unchanged">Files whose bytes were already right (not touched, so their timestamps stay).</param>
public sealed record WriteReport(IReadOnlyList<string> Written, IReadOnlyList<string> Deleted, int Unchanged)
{
    /// <summary>Copies written outside the tree (<see cref="RenderedTree.Published"/>), relative to it (<c>../.github/CODEOWNERS</c>).</summary>
    public IReadOnlyList<string> Published { get; init; } = [];
}
