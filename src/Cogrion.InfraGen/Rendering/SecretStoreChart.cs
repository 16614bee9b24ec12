using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Loading;

namespace Cogrion.InfraGen.Rendering;

/// <summary>
/// The ClusterSecretStore, generated into the chart of the app that installs External Secrets
/// (<see cref="Estate.SecretStoreApp"/>): one template for every cluster, filled from the values InfraGen adds under
/// <see cref="SecretStoreValues.Key"/> (the cluster's AWS region, and the namespaces of the apps that read secrets: no
/// other namespace's ExternalSecret can use it). The operator authenticates with its own service account's IAM role, so
/// the store names no credentials. It syncs one wave after the operator, whose CRDs and webhook it needs.
/// </summary>
public static class SecretStoreChart
{
    /// <summary>Where the template goes in the chart.</summary>
    public const string TemplatePath = SecretStoreValues.TemplatePath;

    /// <summary>The store's wave inside its app: after the operator's Deployments (wave 0) are healthy, so its webhook answers.</summary>
    public const int Wave = 1;

    private const string SyncOptions = "SkipDryRunOnMissingResource=true";

    /// <summary>The template's text (a Helm template, not YAML until rendered: <see cref="Document"/> is what it renders to).</summary>
    public static string Template(Estate estate, string source) =>
        FileHeader.HelmComment(source)
        + "apiVersion: external-secrets.io/v1\n"
        + "kind: ClusterSecretStore\n"
        + "metadata:\n"
        + $"  name: {estate.SecretStore}\n"
        + "  annotations:\n"
        + $"    {ArgoCdManifests.SyncWaveAnnotation}: \"{Wave}\"\n"
        + $"    {ArgoCdManifests.SyncOptionsAnnotation}: {SyncOptions}\n"
        + "spec:\n"
        + "  provider:\n"
        + "    aws:\n"
        + "      service: SecretsManager\n"
        + $"      region: {{{{ .Values.{SecretStoreValues.Key}.{SecretStoreValues.AwsRegion} | quote }}}}\n"
        + "  conditions:\n"
        + $"    - namespaces: {{{{ toJson .Values.{SecretStoreValues.Key}.{SecretStoreValues.Namespaces} }}}}\n";

    /// <summary>The store as Helm renders the template for <paramref name="cluster"/>: what validation checks against the ESO schema.</summary>
    public static DocMap Document(Estate estate, Cluster cluster, IEnumerable<App> apps)
    {
        var values = SecretStoreValues.For(cluster, apps);
        return new DocMap
        {
            { "apiVersion", "external-secrets.io/v1" },
            { "kind", "ClusterSecretStore" },
            {
                "metadata", new DocMap
                {
                    { "name", estate.SecretStore },
                    { "annotations", new DocMap { { ArgoCdManifests.SyncWaveAnnotation, $"{Wave}" }, { ArgoCdManifests.SyncOptionsAnnotation, SyncOptions } } },
                }
            },
            {
                "spec", new DocMap
                {
                    { "provider", new DocMap { { "aws", new DocMap { { "service", "SecretsManager" }, { "region", values[SecretStoreValues.AwsRegion]! } } } } },
                    { "conditions", new DocSeq { new DocMap { { "namespaces", values[SecretStoreValues.Namespaces]! } } } },
                }
            },
        };
    }
}
