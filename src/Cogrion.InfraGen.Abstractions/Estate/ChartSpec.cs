namespace Cogrion.InfraGen;

/// <summary>What goes into an app chart's <c>Chart.yaml</c> besides its name.</summary>
/// <param name="Version">The chart's SemVer version.</param>
/// <param name="Description">One line saying what the chart deploys.</param>
public sealed record ChartSpec(string Version, string Description)
{
    /// <summary>The version of the software the chart deploys, if it has one.</summary>
    public string? AppVersion { get; init; }

    /// <summary>Upstream charts this chart wraps (an umbrella chart); their values nest under their names.</summary>
    public IReadOnlyList<ChartDependency> Dependencies { get; init; } = [];
}

/// <summary>A pinned upstream chart in <c>Chart.yaml</c> <c>dependencies</c>.</summary>
/// <param name="Name">The upstream chart's name; its values nest under this key (or <see cref="Alias"/>).</param>
/// <param name="Version">An exact version: pinned, never a range.</param>
/// <param name="Repository">The chart repository URL (<c>https://…</c> or <c>oci://…</c>).</param>
public sealed record ChartDependency(string Name, string Version, string Repository)
{
    /// <summary>An alias for the dependency, when its values should nest under another key.</summary>
    public string? Alias { get; init; }
}
