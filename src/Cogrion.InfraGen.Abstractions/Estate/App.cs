using System.Runtime.CompilerServices;

namespace Cogrion.InfraGen;

/// <summary>An app deployed to every cluster: one Argo CD Application per cluster, one shared chart.</summary>
public abstract class App
{
    private protected App(string @namespace, ChartSpec chart, SourceLocation declaredAt)
    {
        Namespace = @namespace;
        Chart = chart;
        DeclaredAt = declaredAt;
    }

    /// <summary>The Application name and chart directory name: the <c>[HelmValues]</c> chart name.</summary>
    public string Name => ValuesInfo.ChartName;

    /// <summary>The namespace the app is deployed to (created by Argo CD).</summary>
    public string Namespace { get; }

    /// <summary>The chart's metadata.</summary>
    public ChartSpec Chart { get; }

    /// <summary>Apps that must sync before this one; they become Argo CD sync waves.</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    /// <summary>Values read from AWS Secrets Manager; they become the chart's generated ExternalSecret.</summary>
    public IReadOnlyList<AppSecret> Secrets { get; init; } = [];

    /// <summary>
    /// Fields of live objects that Argo CD leaves alone: values a controller or a chart generates anew on every render (a
    /// webhook's self-signed certificate, say), which would otherwise keep the app out of sync. They become the
    /// Application's <c>ignoreDifferences</c>, with <c>RespectIgnoreDifferences=true</c> so a sync keeps them too.
    /// </summary>
    public IReadOnlyList<IgnoredDifference> IgnoreDifferences { get; init; } = [];

    /// <summary>Render-check findings accepted on purpose (upstream chart defects), each with its reason.</summary>
    public IReadOnlyList<AcceptedFinding> AcceptedFindings { get; init; } = [];

    /// <summary>How Argo CD syncs the app.</summary>
    public SyncPolicy SyncPolicy { get; init; } = SyncPolicy.Default;

    /// <summary>Where the app was declared in the model.</summary>
    public SourceLocation DeclaredAt { get; }

    /// <summary>The chart's values type: its chart name, schema and defaults.</summary>
    public abstract HelmValuesInfo ValuesInfo { get; }

    /// <summary>The values for one cluster, or null when the model gives none for it.</summary>
    public abstract IHelmValues? ValuesFor(AppContext context);
}

/// <summary>An app whose values are the <c>[HelmValues]</c> record <typeparamref name="TValues"/>.</summary>
/// <typeparam name="TValues">The values record; its <c>[HelmValues]</c> chart name is the app's name.</typeparam>
/// <param name="namespace">The namespace to deploy to.</param>
/// <param name="chart">Chart metadata.</param>
/// <param name="values">The cluster's values; null for a cluster the app has no values for (an error).</param>
/// <param name="file">Filled by the compiler.</param>
/// <param name="line">Filled by the compiler.</param>
public sealed class App<TValues>(
    string @namespace,
    ChartSpec chart,
    Func<AppContext, TValues?> values,
    [CallerFilePath] string file = "",
    [CallerLineNumber] int line = 0)
    : App(@namespace, chart, new SourceLocation(file, line))
    where TValues : IHelmValues<TValues>
{
    /// <inheritdoc />
    public override HelmValuesInfo ValuesInfo => TValues.ValuesInfo;

    /// <inheritdoc />
    public override IHelmValues? ValuesFor(AppContext context) => values(context);
}
