using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Rendering;
using Cogrion.InfraGen.Validation.Schemas;

namespace Cogrion.InfraGen.Validation.Rules;

/// <summary>
/// INFRA2001/INFRA2002: every generated manifest against the upstream schema of its apiVersion and kind (Argo CD,
/// External Secrets, Kubernetes core), and every Chart.yaml against Helm's. Hand-written templates are not YAML
/// until Helm renders them and are not checked here; the generated ExternalSecret template is.
/// </summary>
public sealed class UpstreamSchemaRule : ITreeRule
{
    private const string ExternalSecretsGroup = "external-secrets.io/";

    public IEnumerable<InfraDiagnostic> Check(TreeFacts facts)
    {
        UpstreamSchemas.Prepare();
        var work = (
            from file in facts.Files.Concat(SecretStores(facts))
            where file.Kind is FileKind.Bootstrap or FileKind.Application or FileKind.ChartManifest or FileKind.ChartTemplate
            from index in Enumerable.Range(0, file.Documents.Count)
            select (File: file, Index: index)).ToArray();
        var found = new List<InfraDiagnostic>[work.Length];
        Parallel.For(0, work.Length, i => found[i] = [.. CheckDocument(facts, work[i].File, work[i].Index)]);
        return found.SelectMany(f => f);
    }

    /// <summary>
    /// The generated ClusterSecretStore as each cluster gets it: its template is Helm text, not a document, so what it
    /// renders to on each cluster stands in for it (the render check then proves the template renders exactly that).
    /// </summary>
    private static IEnumerable<RenderedFile> SecretStores(TreeFacts facts)
    {
        if (facts.Model.SecretStoreApp is not { } store
            || !facts.Tree.Files.TryGetValue(TreeLayout.ChartFile(store.Name, SecretStoreChart.TemplatePath), out var template))
        {
            yield break;
        }

        foreach (var cluster in facts.Model.Clusters.Where(c => facts.Model.Find(c, store) is not null))
        {
            yield return template with { Documents = [SecretStoreChart.Document(facts.Estate, cluster, facts.Model.On(cluster).Select(p => p.App))], Cluster = cluster };
        }
    }

    private static IEnumerable<InfraDiagnostic> CheckDocument(TreeFacts facts, RenderedFile file, int index)
    {
        var document = file.Documents[index];
        CompiledSchema? schema;
        if (file.Kind == FileKind.ChartManifest)
        {
            schema = UpstreamSchemas.HelmChart;
        }
        else
        {
            var apiVersion = DocPointer.String(document, "apiVersion") ?? string.Empty;
            var kind = DocPointer.String(document, "kind") ?? string.Empty;
            schema = UpstreamSchemas.For(apiVersion, kind);
            if (schema is null)
            {
                var allowed = apiVersion.StartsWith(ExternalSecretsGroup, StringComparison.Ordinal)
                    ? $"External Secrets serves only {ExternalSecretsGroup}v1 ({apiVersion} is no longer served since External Secrets v0.17); use apiVersion {ExternalSecretsGroup}v1"
                    : "InfraGen validates and emits only " + string.Join(", ", UpstreamSchemas.Known.Select(k => $"{k.ApiVersion} {k.Kind}"));
                yield return ValidationErrors.UnsupportedApi(apiVersion, kind, allowed, TreeFacts.OriginOf(file, document, ["apiVersion"]), file.Path, "/apiVersion");
                yield break;
            }
        }

        var findings = facts.Verdicts.Evaluate(schema, document);
        var which = file.Documents.Count > 1 ? $"document {index + 1} of {file.Documents.Count}, " : string.Empty;
        foreach (var (path, pointer, problem, allowed) in SchemaFindingsReport.Explain(schema, document, findings))
        {
            yield return ValidationErrors.SchemaViolation(
                $"{which}{schema.Title}", problem, allowed, TreeFacts.OriginOf(file, document, path), file.Path, pointer);
        }
    }
}
