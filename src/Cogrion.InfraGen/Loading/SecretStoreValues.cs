using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cogrion.InfraGen.Documents;

namespace Cogrion.InfraGen.Loading;

/// <summary>
/// The values InfraGen adds to the secret store app's values on each cluster (<see cref="Estate.SecretStoreApp"/>), under
/// <see cref="Key"/>: what the generated ClusterSecretStore template reads. The model's values record never holds them:
/// they follow from the cluster and from which apps read secrets.
/// </summary>
public static class SecretStoreValues
{
    /// <summary>The template InfraGen writes into that chart: no hand-written one may take its path.</summary>
    public const string TemplatePath = "templates/clustersecretstore.yaml";

    /// <summary>The values key (and the schema property) InfraGen owns in that chart.</summary>
    public const string Key = "secretStore";

    /// <summary>The cluster's AWS region, where its secrets live.</summary>
    public const string AwsRegion = "awsRegion";

    /// <summary>The namespaces whose ExternalSecrets may use the store: those of the apps that read secrets, nothing else.</summary>
    public const string Namespaces = "namespaces";

    /// <summary>The block for one cluster.</summary>
    public static DocMap For(Cluster cluster, IEnumerable<App> apps)
    {
        var namespaces = new DocSeq();
        foreach (var @namespace in ReaderNamespaces(apps))
        {
            namespaces.Add(@namespace);
        }

        return new DocMap { { AwsRegion, cluster.Region.AwsRegion }, { Namespaces, namespaces } };
    }

    /// <summary>The namespaces of the apps that read secrets, in ordinal order.</summary>
    public static IEnumerable<string> ReaderNamespaces(IEnumerable<App> apps) =>
        apps.Where(a => a.Secrets.Count > 0).Select(a => a.Namespace).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    /// <summary>
    /// The chart's <c>values.schema.json</c> with the block InfraGen adds: the record's schema is closed, so without it
    /// Helm would refuse the values.
    /// </summary>
    public static string Schema(string recordSchema)
    {
        var schema = JsonNode.Parse(recordSchema)!.AsObject();
        var properties = schema["properties"] as JsonObject ?? [];
        schema["properties"] = properties;
        properties[Key] = new JsonObject
        {
            ["description"] = "Written by InfraGen: what the generated ClusterSecretStore reads (the cluster's AWS region, and the namespaces of the apps that read secrets).",
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["required"] = new JsonArray(AwsRegion, Namespaces),
            ["properties"] = new JsonObject
            {
                [AwsRegion] = new JsonObject { ["description"] = "The AWS region of the cluster's secrets.", ["type"] = "string" },
                [Namespaces] = new JsonObject
                {
                    ["description"] = "The only namespaces whose ExternalSecrets may use the store.",
                    ["type"] = "array",
                    ["items"] = new JsonObject { ["type"] = "string" },
                },
            },
        };
        var required = schema["required"] as JsonArray ?? [];
        schema["required"] = required;
        required.Add(Key);
        return schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" }) + "\n";
    }
}
