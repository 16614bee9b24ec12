using System.Globalization;
using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Loading;

namespace Cogrion.InfraGen.Rendering;

/// <summary>
/// The Argo CD documents of a cluster: the bootstrap (the root's AppProject and the App of Apps root), and per app its
/// AppProject and child Application.
/// </summary>
public static class ArgoCdManifests
{
    public const string ArgoCdNamespace = "argocd";
    public const string RootName = "root";
    public const string InClusterServer = "https://kubernetes.default.svc";
    public const string ResourcesFinalizer = "resources-finalizer.argocd.argoproj.io";
    public const string SyncWaveAnnotation = "argocd.argoproj.io/sync-wave";
    public const string SyncOptionsAnnotation = "argocd.argoproj.io/sync-options";

    /// <summary>Every app's AppProject syncs before any Application (whose waves start at 0), so no Application names a missing project.</summary>
    public const int ProjectWave = -1;

    /// <summary>
    /// What is applied by hand once Argo CD is installed, and only what needs nothing but Argo CD's CRDs: the root's
    /// AppProject (it may create AppProjects and Applications in the argocd namespace, nothing else) and the root
    /// Application. Nothing here depends on the app set, so adding or removing an app never changes this file.
    /// </summary>
    public static IReadOnlyList<DocNode> Bootstrap(ResolvedEstate model, Cluster cluster)
    {
        var repo = model.Estate.Repo;
        var project = Project(
            RootName,
            annotations: null,
            "The App of Apps root: each app's AppProject and Application, nothing else",
            repo.Url,
            [Destination(cluster, ArgoCdNamespace)],
            clusterKinds: []);
        ((DocMap)project["spec"]!).Add("namespaceResourceWhitelist", new DocSeq
        {
            new DocMap { { "group", "argoproj.io" }, { "kind", "AppProject" } },
            new DocMap { { "group", "argoproj.io" }, { "kind", "Application" } },
        });
        var root = Application(
            name: RootName,
            project: RootName,
            annotations: null,
            source: new DocMap
            {
                { "repoURL", repo.Url },
                { "targetRevision", repo.Revision },
                { "path", repo.InRepo(TreeLayout.AppsDirectory(cluster.Name)) },
            },
            destination: Destination(cluster, ArgoCdNamespace),
            syncPolicy: SyncPolicyNode(SyncPolicy.Default, createNamespace: false, respectIgnoreDifferences: false),
            finalizer: false);
        return [project, root];
    }

    /// <summary>The Application among an app file's documents (its AppProject comes first; a tree of an older InfraGen has it alone).</summary>
    public static DocMap? ApplicationIn(IEnumerable<DocNode> documents) =>
        documents.OfType<DocMap>().FirstOrDefault(d => d["kind"] is DocScalar { Text: "Application" });

    /// <summary>An app's file in the root's directory: its AppProject, then its Application.</summary>
    public static IReadOnlyList<DocNode> AppFile(ResolvedEstate model, AppOnCluster placed) => [AppProject(model, placed.Cluster, placed.App), Child(model, placed)];

    /// <summary>
    /// The app's own AppProject: the app's namespaces on this cluster and exactly the cluster-scoped kinds its charts
    /// render (<c>model/footprint.yaml</c>, from the render stage), plus its own Namespace, which Argo CD creates
    /// (<c>CreateNamespace=true</c> needs it whitelisted). Its finalizer keeps it until no Application uses it, so a retired
    /// app's Application can still delete what it deployed.
    /// </summary>
    public static DocMap AppProject(ResolvedEstate model, Cluster cluster, App app)
    {
        var footprint = model.Footprint.Find(app.Name);
        var namespaces = (footprint?.Namespaces ?? []).Append(app.Namespace).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var kinds = new List<DocMap> { new() { { "group", "" }, { "kind", "Namespace" }, { "name", app.Namespace } } };
        kinds.AddRange((footprint?.ClusterKinds ?? []).Select(k => new DocMap { { "group", k.Group }, { "kind", k.Kind } }));
        var project = Project(
            app.Name,
            new DocMap { { SyncWaveAnnotation, ProjectWave.ToString(CultureInfo.InvariantCulture) } },
            $"{app.Name}: the namespaces and cluster-scoped kinds its chart renders (model/footprint.yaml)",
            model.Estate.Repo.Url,
            [.. namespaces.Select(n => Destination(cluster, n))],
            kinds);
        ((DocMap)project["metadata"]!).Add("finalizers", new DocSeq { ResourcesFinalizer });
        return project;
    }

    /// <summary>The seed's child Application: the shared chart plus the cluster's values file, in the app's own project.</summary>
    public static DocMap Child(ResolvedEstate model, AppOnCluster placed)
    {
        var (cluster, app) = (placed.Cluster, placed.App);
        var repo = model.Estate.Repo;
        var wave = model.Chart(app).SyncWave;
        var annotations = wave == 0
            ? null
            : new DocMap { { SyncWaveAnnotation, wave.ToString(CultureInfo.InvariantCulture) } };
        var managesArgoCd = ReferenceEquals(app, model.Estate.ArgoCdApp);
        var application = Application(
            name: app.Name,
            project: app.Name,
            annotations: annotations,
            source: new DocMap
            {
                { "repoURL", repo.Url },
                { "targetRevision", repo.Revision },
                { "path", repo.InRepo(TreeLayout.ChartDirectory(app.Name)) },
                { "helm", new DocMap { { "valueFiles", new DocSeq { TreeLayout.ValueFileFromChart(cluster.Name, app.Name) } } } },
            },
            destination: Destination(cluster, app.Namespace),
            syncPolicy: SyncPolicyNode(managesArgoCd ? placed.SyncPolicy with { Prune = false } : placed.SyncPolicy, createNamespace: true, app.IgnoreDifferences.Count > 0),
            finalizer: !managesArgoCd);
        if (app.IgnoreDifferences.Count > 0)
        {
            ((DocMap)application["spec"]!).Add("ignoreDifferences", IgnoreDifferences(app));
        }

        return application;
    }

    private static DocSeq IgnoreDifferences(App app)
    {
        var entries = new DocSeq();
        foreach (var ignored in app.IgnoreDifferences)
        {
            var entry = new DocMap { { "group", ignored.Group }, { "kind", ignored.Kind } };
            entry.AddIfNotNull("name", ignored.Name);
            if (ignored.JsonPointers.Count > 0)
            {
                entry.Add("jsonPointers", Seq(ignored.JsonPointers));
            }

            if (ignored.JqPathExpressions.Count > 0)
            {
                entry.Add("jqPathExpressions", Seq(ignored.JqPathExpressions));
            }

            entries.Add(entry);
        }

        return entries;
    }

    private static DocSeq Seq(IEnumerable<string> items)
    {
        var seq = new DocSeq();
        foreach (var item in items)
        {
            seq.Add(item);
        }

        return seq;
    }

    private static DocMap Project(string name, DocMap? annotations, string description, string repoUrl, IReadOnlyList<DocMap> destinations, IReadOnlyList<DocMap> clusterKinds)
    {
        var metadata = new DocMap { { "name", name }, { "namespace", ArgoCdNamespace } };
        metadata.AddIfNotNull("annotations", annotations);
        var destinationList = new DocSeq();
        foreach (var destination in destinations)
        {
            destinationList.Add(destination);
        }

        var whitelist = new DocSeq();
        foreach (var kind in clusterKinds)
        {
            whitelist.Add(kind);
        }

        return new DocMap
        {
            { "apiVersion", "argoproj.io/v1alpha1" },
            { "kind", "AppProject" },
            { "metadata", metadata },
            {
                "spec", new DocMap
                {
                    { "description", description },
                    { "sourceRepos", new DocSeq { repoUrl } },
                    { "destinations", destinationList },
                    { "clusterResourceWhitelist", whitelist },
                }
            },
        };
    }

    /// <summary>
    /// An Application; <paramref name="finalizer"/>: with Argo CD's resources finalizer, so deleting it (the root prunes
    /// it when its app leaves the model) deletes what it deployed instead of leaving it running unmanaged. The root has
    /// none: deleting it must not take every app with it; nor has Argo CD's own.
    /// </summary>
    private static DocMap Application(string name, string project, DocMap? annotations, DocMap source, DocMap destination, DocMap syncPolicy, bool finalizer)
    {
        var metadata = new DocMap { { "name", name }, { "namespace", ArgoCdNamespace } };
        metadata.AddIfNotNull("annotations", annotations);
        if (finalizer)
        {
            metadata.Add("finalizers", new DocSeq { ResourcesFinalizer });
        }

        return new DocMap
        {
            { "apiVersion", "argoproj.io/v1alpha1" },
            { "kind", "Application" },
            { "metadata", metadata },
            {
                "spec", new DocMap
                {
                    { "project", project },
                    { "source", source },
                    { "destination", destination },
                    { "syncPolicy", syncPolicy },
                }
            },
        };
    }

    private static DocMap Destination(Cluster cluster, string @namespace) =>
        new() { { "server", cluster.Server }, { "namespace", @namespace } };

    private static DocMap SyncPolicyNode(SyncPolicy policy, bool createNamespace, bool respectIgnoreDifferences)
    {
        var node = new DocMap();
        if (policy.Automated)
        {
            node.Add("automated", new DocMap { { "prune", policy.Prune }, { "selfHeal", policy.SelfHeal } });
        }

        var options = new DocSeq();
        if (createNamespace)
        {
            options.Add("CreateNamespace=true");
        }

        if (policy.ServerSideApply)
        {
            options.Add("ServerSideApply=true");
        }

        if (respectIgnoreDifferences)
        {
            options.Add("RespectIgnoreDifferences=true");
        }

        if (options.Count > 0)
        {
            node.Add("syncOptions", options);
        }

        return node;
    }
}
