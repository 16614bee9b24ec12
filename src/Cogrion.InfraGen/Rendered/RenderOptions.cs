namespace Cogrion.InfraGen.Rendered;

/// <summary>How a render check runs.</summary>
/// <param name="HelmPath">An explicit Helm binary (<c>--helm</c>, MSBuild <c>InfraGenHelm</c>); else <c>INFRAGEN_HELM</c>, then PATH.</param>
/// <param name="ChartCache">
/// A folder of <c>&lt;name&gt;-&lt;version&gt;.tgz</c> chart packages used for the umbrella charts' dependencies instead of
/// their repositories (<c>--chart-cache</c>, MSBuild <c>InfraGenChartCache</c>, else <c>INFRAGEN_CHART_CACHE</c>); null:
/// <c>helm dependency build</c> fetches them.
/// </param>
/// <param name="Cluster">Only this cluster; null for every one.</param>
/// <param name="App">
/// Only this app's findings; null for every app's. Every app of the cluster is still rendered (from the cache when
/// unchanged): the cluster checks and Service addresses need what the others render.
/// </param>
public sealed record RenderOptions(string? HelmPath = null, string? ChartCache = null, string? Cluster = null, string? App = null)
{
    /// <summary>Where rendered charts and Helm's output are cached; null: the model's obj/infragen-render.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>The chart cache from the environment when none was given.</summary>
    public string? EffectiveChartCache => ChartCache is { Length: > 0 } ? ChartCache
        : Environment.GetEnvironmentVariable("INFRAGEN_CHART_CACHE") is { Length: > 0 } fromEnvironment ? fromEnvironment
        : null;
}
