using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Inspection;
using Cogrion.InfraGen.Loading;

namespace Cogrion.InfraGen.Hosting;

/// <summary>
/// <c>secrets [--cluster &lt;c&gt;] [--format text|json]</c>: the remote keys each cluster's ExternalSecrets read, to
/// create in AWS Secrets Manager before the cluster is bootstrapped.
/// </summary>
internal sealed class SecretsCommand : InfraGenVerb
{
    private const string Text = "text";
    private const string Json = "json";

    private readonly Option<string?> _cluster = new("--cluster") { Description = "Only this cluster (prod-fra-1). Default: every cluster." };
    private readonly Option<string> _format = new("--format") { Description = "text (for people, the default) or json (an array of {cluster, awsRegion, remoteKey, app, namespace, secret, secretKey}, for scripts).", DefaultValueFactory = _ => Text };

    public SecretsCommand()
        : base("secrets", "List the remote keys each cluster's ExternalSecrets read from AWS Secrets Manager (cogrion/<env>/<region>/<name>), with the AWS region, app and Kubernetes Secret key: what to create before bootstrapping a cluster.")
    {
        _format.AcceptOnlyFromAmong(Text, Json);
        Command.Options.Add(_cluster);
        Command.Options.Add(_format);
    }

    public override int Run(ParseResult parse, VerbContext context) => WithPaths(parse, context, paths =>
    {
        var model = ModelLoader.Load(context.Catalog, paths);
        var names = new EstateNames(Command.Name);
        var only = parse.GetValue(_cluster) is { } name ? names.Cluster(model.Clusters, name) : null;
        names.ThrowIfUnknown();

        var entries = SecretInventory.For(model, only);
        if (parse.GetValue(_format) == Json)
        {
            PrintJson(entries, context.Output);
        }
        else
        {
            PrintText(model, entries, only, context.Output);
        }

        return ExitCodes.Ok;
    });

    private static void PrintText(ResolvedEstate model, IReadOnlyList<SecretEntry> entries, Cluster? only, TextWriter output)
    {
        output.WriteLine($"infragen secrets: the keys to create in AWS Secrets Manager before bootstrapping; each cluster's ClusterSecretStore '{model.Estate.SecretStore}' reads them in its AWS region.");
        foreach (var cluster in model.Clusters.Where(c => only is null || c.Name == only.Name))
        {
            var rows = entries.Where(e => e.Cluster == cluster.Name).ToList();
            output.WriteLine();
            output.WriteLine($"{cluster.Name} (AWS region {cluster.Region.AwsRegion}): {rows.Count} key(s)");
            var width = rows.Count == 0 ? 0 : rows.Max(r => r.RemoteKey.Length);
            foreach (var row in rows)
            {
                output.WriteLine($"  {row.RemoteKey.PadRight(width)}  app {row.App}: Secret {row.Namespace}/{row.Secret} key {row.SecretKey}");
            }
        }
    }

    /// <summary>An array of objects, one per entry, keys in a fixed order: written by hand, so no reflection.</summary>
    private static void PrintJson(IReadOnlyList<SecretEntry> entries, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var entry in entries)
            {
                json.WriteStartObject();
                json.WriteString("cluster", entry.Cluster);
                json.WriteString("awsRegion", entry.AwsRegion);
                json.WriteString("remoteKey", entry.RemoteKey);
                json.WriteString("app", entry.App);
                json.WriteString("namespace", entry.Namespace);
                json.WriteString("secret", entry.Secret);
                json.WriteString("secretKey", entry.SecretKey);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
