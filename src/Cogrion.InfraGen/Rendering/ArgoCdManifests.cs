using System.Globalization;
using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Loading;

namespace Cogrion.InfraGen.Rendering;

/// <summary>The Argo CD documents of a cluster: bootstrap, the App of Apps root, and one child Application per app.</summary>
public static class ArgoCdManifests
{
    public const string ArgoCdNamespace = "argocd";
    public const string Project = "default";
    public const string InClusterServer = "https://kubernetes.default.svc";
    public const string ResourcesFinalizer = "resources-finalizer.argocd.argoproj.io";

    /// <summary>The seed's root Application: watches the cluster's apps directory.</summary>
    public static DocMap Root(ResolvedEstate model, Cluster cluster)
    {
        var repo = model.Estate.Repo;
        return Application(
            name: "root",
            annotations: null,
            source: new DocMap
            {
                { "repoURL", repo.Url },
                { "targetRevision", repo.Revision },
                { "path", repo.InRepo(TreeLayout.AppsDirectory(cluster.Name)) },
            },
            destination: Destination(cluster, ArgoCdNamespace),
            syncPolicy: SyncPolicyNode(SyncPolicy.Default, createNamespace: false),
            finalizer: false);
    }

    /// <summary>The seed's child Application: the shared chart plus the cluster's values file.</summary>
    public static DocMap Child(ResolvedEstate model, AppOnCluster placed)
    {
        var (cluster, app) = (placed.Cluster, placed.App);
        var repo = model.Estate.Repo;
        var wave = model.Chart(app).SyncWave;
        var annotations = wave == 0
            ? null
            : new DocMap { { "argocd.argoproj.io/sync-wave", wave.ToString(CultureInfo.InvariantCulture) } };
        return Application(
            name: app.Name,
            annotations: annotations,
            source: new DocMap
            {
                { "repoURL", repo.Url },
                { "targetRevision", repo.Revision },
                { "path", repo.InRepo(TreeLayout.ChartDirectory(app.Name)) },
                { "helm", new DocMap { { "valueFiles", new DocSeq { TreeLayout.ValueFileFromChart(cluster.Name, app.Name) } } } },
            },
            destination: Destination(cluster, app.Namespace),
            syncPolicy: SyncPolicyNode(placed.SyncPolicy, createNamespace: true),
            finalizer: true);
    }

    /// <summary>
    /// What a new cluster needs before the root Application can sync: the argocd Namespace, the cluster's
    /// Argo CD registration (its name and server), the project the Applications use (destinations: the namespaces of the
    /// apps on this cluster), and the secret store.
    /// </summary>
    public static IReadOnlyList<DocNode> Bootstrap(ResolvedEstate model, Cluster cluster)
    {
        var estate = model.Estate;
        var namespaces = new DocSeq();
        var allowed = model.On(cluster).SelectMany(p => p.App.AlsoDeploysTo.Prepend(p.App.Namespace)).Append(ArgoCdNamespace)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var @namespace in allowed)
        {
            namespaces.Add(new DocMap { { "server", cluster.Server }, { "namespace", @namespace } });
        }

        return
        [
            new DocMap
            {
                { "apiVersion", "v1" },
                { "kind", "Namespace" },
                { "metadata", new DocMap { { "name", ArgoCdNamespace } } },
            },
            new DocMap
            {
                { "apiVersion", "v1" },
                { "kind", "Secret" },
                {
                    "metadata", new DocMap
                    {
                        { "name", $"cluster-{cluster.Name}" },
                        { "namespace", ArgoCdNamespace },
                        { "labels", new DocMap { { "argocd.argoproj.io/secret-type", "cluster" } } },
                    }
                },
                { "type", "Opaque" },
                {
                    "stringData", new DocMap
                    {
                        { "name", cluster.Name },
                        { "server", cluster.Server },
                        { "config", "{\"tlsClientConfig\":{\"insecure\":false}}" },
                    }
                },
            },
            new DocMap
            {
                { "apiVersion", "argoproj.io/v1alpha1" },
                { "kind", "AppProject" },
                { "metadata", new DocMap { { "name", Project }, { "namespace", ArgoCdNamespace } } },
                {
                    "spec", new DocMap
                    {
                        { "description", $"Cogrion apps on {cluster.Name}, from {estate.Repo.Url}" },
                        { "sourceRepos", new DocSeq { estate.Repo.Url } },
                        { "destinations", namespaces },
                        { "clusterResourceWhitelist", new DocSeq { new DocMap { { "group", "*" }, { "kind", "*" } } } },
                    }
                },
            },
            new DocMap
            {
                { "apiVersion", "external-secrets.io/v1" },
                { "kind", "ClusterSecretStore" },
                { "metadata", new DocMap { { "name", estate.SecretStore } } },
                {
                    "spec", new DocMap
                    {
                        {
                            "provider", new DocMap
                            {
                                {
                                    "aws", new DocMap
                                    {
                                        { "service", "SecretsManager" },
                                        { "region", cluster.Region.AwsRegion },
                                        {
                                            "auth", new DocMap
                                            {
                                                {
                                                    "jwt", new DocMap
                                                    {
                                                        {
                                                            "serviceAccountRef", new DocMap
                                                            {
                                                                { "name", estate.SecretStoreServiceAccount },
                                                                { "namespace", estate.SecretStoreNamespace },
                                                            }
                                                        },
                                                    }
                                                },
                                            }
                                        },
                                    }
                                },
                            }
                        },
                    }
                },
            },
        ];
    }

    /// <summary>
    /// An Application; <paramref name="finalizer"/>: with Argo CD's resources finalizer, so deleting it (the root prunes
    /// it when its app leaves the model) deletes what it deployed instead of leaving it running unmanaged. The root has
    /// none: deleting it must not take every app with it.
    /// </summary>
    private static DocMap Application(string name, DocMap? annotations, DocMap source, DocMap destination, DocMap syncPolicy, bool finalizer)
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
                    { "project", Project },
                    { "source", source },
                    { "destination", destination },
                    { "syncPolicy", syncPolicy },
                }
            },
        };
    }

    private static DocMap Destination(Cluster cluster, string @namespace) =>
        new() { { "server", cluster.Server }, { "namespace", @namespace } };

    private static DocMap SyncPolicyNode(SyncPolicy policy, bool createNamespace)
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

        if (options.Count > 0)
        {
            node.Add("syncOptions", options);
        }

        return node;
    }
}
