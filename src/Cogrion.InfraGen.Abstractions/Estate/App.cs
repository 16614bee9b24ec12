using System.Runtime.CompilerServices;

namespace Cogrion.InfraGen;

/// <summary>
/// An app: one shared chart, and one Argo CD Application on each cluster it runs on (<see cref="RunsOn"/>). Its name is
/// said once, in the values record's <c>[HelmValues("…")]</c>; the namespace, the Secret its ExternalSecret writes and
/// its Argo CD release name all derive from it.
/// </summary>
public abstract class App
{
    private readonly string? _namespace;

    private protected App(ChartSpec chart, SourceLocation declaredAt)
    {
        Chart = chart;
        DeclaredAt = declaredAt;
    }

    /// <summary>
    /// The app's name: the <c>[HelmValues]</c> chart name. It names the chart directory, each cluster's Application (so
    /// Helm's release name), the values files, and by default the namespace.
    /// </summary>
    public string Name => ValuesInfo.ChartName;

    /// <summary>The namespace the app is deployed to (created by Argo CD): the app's <see cref="Name"/> unless set.</summary>
    public string Namespace
    {
        get => _namespace ?? Name;
        init => _namespace = value;
    }

    /// <summary>The chart's metadata.</summary>
    public ChartSpec Chart { get; }

    /// <summary>
    /// Apps that must sync before this one on each cluster (they become Argo CD sync waves): the apps themselves,
    /// <c>[Ingress.App, Keycloak.App]</c>. Each must run on every cluster this app runs on.
    /// </summary>
    public IReadOnlyList<App> DependsOn { get; init; } = [];

    /// <summary>
    /// Which clusters the app runs on; every cluster unless set (<c>c =&gt; c.Env.IsProduction</c>,
    /// <c>c =&gt; c.Region == Regions.Fra1</c>). On the others it has no Application, no values file and no release line.
    /// </summary>
    public Func<Cluster, bool> RunsOn { get; init; } = Everywhere;

    /// <summary>Values read from AWS Secrets Manager; they become the chart's generated ExternalSecret, which writes <see cref="SecretName"/>.</summary>
    public IReadOnlyList<AppSecret> Secrets { get; init; } = [];

    /// <summary>
    /// The Kubernetes Secret the app's ExternalSecret writes (<c>{name}-secrets</c>), in the app's namespace: values that
    /// name the Secret (an upstream chart's <c>existingSecret</c>) read it from here instead of spelling it.
    /// </summary>
    public string SecretName => $"{Name}-secrets";

    /// <summary>
    /// Fields of live objects that Argo CD leaves alone: values a controller or a chart generates anew on every render (a
    /// webhook's self-signed certificate, say), which would otherwise keep the app out of sync. They become the
    /// Application's <c>ignoreDifferences</c>, with <c>RespectIgnoreDifferences=true</c> so a sync keeps them too.
    /// </summary>
    public IReadOnlyList<IgnoredDifference> IgnoreDifferences { get; init; } = [];

    /// <summary>Render-check findings accepted on purpose (upstream chart defects), each with its reason.</summary>
    public IReadOnlyList<AcceptedFinding> AcceptedFindings { get; init; } = [];

    /// <summary>
    /// Objects the app's pods need that its chart does not render (a Secret a hook Job makes at sync), each with where it
    /// comes from: the render check counts them as present.
    /// </summary>
    public IReadOnlyList<ExternalObject> ExternalObjects { get; init; } = [];

    /// <summary>
    /// How Argo CD syncs the app on a cluster: the seed's policy everywhere unless set, as a function of the cluster
    /// (<c>_ =&gt; SyncPolicy.Default with { ServerSideApply = true }</c>, or manual sync in production only).
    /// </summary>
    public Func<Cluster, SyncPolicy> SyncPolicy { get; init; } = Seed;

    /// <summary>Where the app was declared in the model.</summary>
    public SourceLocation DeclaredAt { get; }

    /// <summary>The chart's values type: its chart name, schema and defaults.</summary>
    public abstract HelmValuesInfo ValuesInfo { get; }

    /// <summary>The values for one cluster, or null when the model gives none for it.</summary>
    public abstract IHelmValues? ValuesFor(AppContext context);

    /// <summary>The app's name.</summary>
    public override string ToString() => Name;

    private static bool Everywhere(Cluster cluster) => true;

    private static SyncPolicy Seed(Cluster cluster) => InfraGen.SyncPolicy.Default;
}

/// <summary>An app whose values are the <c>[HelmValues]</c> record <typeparamref name="TValues"/>.</summary>
/// <typeparam name="TValues">The values record; its <c>[HelmValues]</c> chart name is the app's name.</typeparam>
/// <param name="chart">Chart metadata.</param>
/// <param name="values">The values for a cluster the app runs on; null is an error (INFRA1003): use <see cref="App.RunsOn"/> instead.</param>
/// <param name="file">Filled by the compiler.</param>
/// <param name="line">Filled by the compiler.</param>
public sealed class App<TValues>(
    ChartSpec chart,
    Func<AppContext, TValues?> values,
    [CallerFilePath] string file = "",
    [CallerLineNumber] int line = 0)
    : App(chart, new SourceLocation(file, line))
    where TValues : IHelmValues<TValues>
{
    /// <inheritdoc />
    public override HelmValuesInfo ValuesInfo => TValues.ValuesInfo;

    /// <inheritdoc />
    public override IHelmValues? ValuesFor(AppContext context) => values(context);
}
