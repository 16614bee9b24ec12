using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Cogrion.InfraGen.Inspection;
using Cogrion.InfraGen.Loading;

namespace Cogrion.InfraGen.Rendering;

/// <summary>
/// The IAM policy the role of the secret store's app needs on one cluster (<c>aws/&lt;cluster&gt;/&lt;app&gt;-policy.json</c>),
/// for Terraform to attach: <c>secretsmanager:GetSecretValue</c> on exactly the secrets the cluster's ExternalSecrets read
/// (the keys of <c>infragen secrets --cluster</c>), and nothing else. External Secrets reads a <c>remoteRef.key</c> with
/// GetSecretValue alone; DescribeSecret is only for metadata and PushSecret, which the estate does not use. A secret's
/// ARN ends in a hyphen and six random characters, hence <c>-??????</c>.
/// </summary>
public static class IamPolicyFile
{
    /// <summary>The policy's JSON text, or null when the cluster's apps read no secret (a policy needs a statement).</summary>
    public static string? Render(ResolvedEstate model, Cluster cluster, App store)
    {
        var keys = SecretInventory.For(model, cluster).Select(e => e.RemoteKey).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (keys.Count == 0)
        {
            return null;
        }

        var account = cluster.AwsAccountId
            ?? throw new MissingClusterInputException(cluster, store.Name, "AwsAccountId", "AwsAccountId = \"111111111111\" (the IAM policy of its role names the cluster's secrets by ARN)");
        var partition = cluster.IamRoles.Find(store.Name) is { } role ? role.Split(':')[1] : "aws";
        var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("Version", "2012-10-17");
            json.WriteStartArray("Statement");
            json.WriteStartObject();
            json.WriteString("Sid", "ReadTheClustersSecrets");
            json.WriteString("Effect", "Allow");
            json.WriteString("Action", "secretsmanager:GetSecretValue");
            json.WriteStartArray("Resource");
            foreach (var key in keys)
            {
                json.WriteStringValue($"arn:{partition}:secretsmanager:{cluster.Region.AwsRegion}:{account}:secret:{key}-??????");
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
