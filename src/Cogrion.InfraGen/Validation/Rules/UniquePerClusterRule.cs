using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Rendering;

namespace Cogrion.InfraGen.Validation.Rules;

/// <summary>
/// INFRA2106/INFRA2107: on each cluster, Application names are unique (Argo CD keeps one of two same-named
/// Applications), and so are the child Applications' destination namespaces (two apps pruning one namespace
/// delete each other's resources).
/// </summary>
public sealed class UniquePerClusterRule : ITreeRule
{
    public IEnumerable<InfraDiagnostic> Check(TreeFacts facts)
    {
        foreach (var cluster in facts.Applications().GroupBy(a => a.File.Cluster?.Name ?? "?", StringComparer.Ordinal))
        {
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            var namespaces = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (file, application) in cluster)
            {
                if (DocPointer.String(application, "metadata", "name") is { } name && !names.TryAdd(name, file.Path))
                {
                    yield return ValidationErrors.DuplicateApplicationName(
                        cluster.Key, name, names[name], TreeFacts.OriginOf(file, application, ["metadata", "name"]), file.Path, "/metadata/name");
                }

                if (file.Kind == FileKind.Application && DocPointer.String(application, "spec", "destination", "namespace") is { } @namespace
                    && !namespaces.TryAdd(@namespace, file.Path))
                {
                    yield return ValidationErrors.DuplicateNamespace(
                        cluster.Key, @namespace, namespaces[@namespace], TreeFacts.OriginOf(file, application, ["spec", "destination", "namespace"]), file.Path, "/spec/destination/namespace");
                }
            }
        }
    }
}
