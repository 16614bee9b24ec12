using System.CommandLine;
using Cogrion.InfraGen.Rendered;

namespace Cogrion.InfraGen.Hosting;

/// <summary>The options of the Helm render check, shared by <c>render</c> and by <c>generate</c>/<c>check</c> <c>--render</c>.</summary>
internal sealed class RenderOptionSet
{
    /// <summary><c>--render</c> on <c>generate</c> and <c>check</c>: run the Helm render check too.</summary>
    public Option<bool> Enabled { get; } = new("--render")
    {
        Description = "Also render every chart with the pinned Helm and check what it renders (as the render verb); needs Helm.",
    };

    public Option<string?> Helm { get; } = new("--helm")
    {
        Description = "The Helm binary (the pinned version, eng/helm.pin). Default: $INFRAGEN_HELM, then helm on PATH. Get it with eng/get-helm.sh.",
    };

    public Option<string?> ChartCache { get; } = new("--chart-cache")
    {
        Description = "A folder of <name>-<version>.tgz chart packages for the charts' dependencies (offline). Default: $INFRAGEN_CHART_CACHE, else `helm dependency build`.",
    };

    public Option<string?> RenderCache { get; } = new("--render-cache")
    {
        Description = "Where rendered charts and Helm's output are kept between runs (a CI cache can keep it). Default: $INFRAGEN_RENDER_CACHE, else model/obj/infragen-render.",
    };

    /// <summary>Adds <c>--helm</c>, <c>--chart-cache</c> and <c>--render-cache</c> (and <c>--render</c> unless the verb always renders).</summary>
    public void AddTo(Command command, bool withSwitch = false)
    {
        if (withSwitch)
        {
            command.Options.Add(Enabled);
        }

        command.Options.Add(Helm);
        command.Options.Add(ChartCache);
        command.Options.Add(RenderCache);
    }

    /// <summary>The render options when <c>--render</c> was given, else null.</summary>
    public RenderOptions? IfEnabled(ParseResult parse) => parse.GetValue(Enabled) ? From(parse) : null;

    public RenderOptions From(ParseResult parse, string? cluster = null, string? app = null) =>
        new(parse.GetValue(Helm), parse.GetValue(ChartCache) is { } cache ? Path.GetFullPath(cache) : null, cluster, app)
        {
            CacheDirectory = (parse.GetValue(RenderCache) ?? Environment.GetEnvironmentVariable("INFRAGEN_RENDER_CACHE")) is { Length: > 0 } kept ? Path.GetFullPath(kept) : null,
        };
}
