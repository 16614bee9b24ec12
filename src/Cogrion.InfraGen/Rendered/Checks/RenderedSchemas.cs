using System.Collections.Frozen;
using System.Reflection;
using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Validation.Schemas;

namespace Cogrion.InfraGen.Rendered.Checks;

/// <summary>
/// The schema of each rendered object: the embedded upstream schemas (Argo CD, External Secrets, Namespace, Secret), the
/// strict Kubernetes v1.34 schemas of the core kinds (Schemas/kubernetes/NOTICE.md), else the <c>openAPIV3Schema</c> of
/// the CRD that the same cluster renders for the kind. Null: no schema (counted and listed, never silently passed).
/// </summary>
public static class RenderedSchemas
{
    private const string Prefix = "Cogrion.InfraGen.Schemas.kubernetes.";

    /// <summary>Embedded core schemas by file stem (<c>deployment-apps-v1</c>), built on first use.</summary>
    private static readonly FrozenDictionary<string, Lazy<CompiledSchema>> Core = Assembly.GetExecutingAssembly().GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
        .ToFrozenDictionary(n => n[Prefix.Length..^".json".Length], n => new Lazy<CompiledSchema>(() => Load(n)), StringComparer.Ordinal);

    /// <summary>The schema for <paramref name="obj"/> on <paramref name="cluster"/>, or null when there is none.</summary>
    public static CompiledSchema? For(RenderFacts facts, Cluster cluster, RenderedObject obj)
    {
        if (UpstreamSchemas.For(obj.ApiVersion, obj.Kind) is { } upstream)
        {
            return upstream;
        }

        if (Core.TryGetValue(CoreStem(obj.ApiVersion, obj.Kind), out var core))
        {
            return core.Value;
        }

        return facts.CrdSchema(cluster, obj);
    }

    /// <summary>The kubeconform file stem of a kind: <c>&lt;kind&gt;-&lt;group prefix&gt;-&lt;version&gt;</c>, <c>&lt;kind&gt;-&lt;version&gt;</c> for the core group.</summary>
    private static string CoreStem(string apiVersion, string kind)
    {
        var slash = apiVersion.IndexOf('/');
        var version = slash < 0 ? apiVersion : apiVersion[(slash + 1)..];
        var group = slash < 0 ? "" : apiVersion[..slash].Split('.')[0];
        return group.Length == 0 ? $"{kind.ToLowerInvariant()}-{version}" : $"{kind.ToLowerInvariant()}-{group}-{version}";
    }

    private static CompiledSchema Load(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        var stem = resource[Prefix.Length..^".json".Length];
        return CompiledSchema.Parse($"Kubernetes {stem} (strict, Kubernetes v1.34)", reader.ReadToEnd(), kubernetes: true);
    }
}
