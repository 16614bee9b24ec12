using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Rendering;

namespace Cogrion.InfraGen.Validation.Rules;

/// <summary>
/// INFRA2103/INFRA2104: every <c>helm.valueFiles</c> entry, resolved relative to its chart path as Argo CD does,
/// stays inside the repository and is the values file of the same cluster and app in the tree.
/// </summary>
public sealed class ValueFilesRule : ITreeRule
{
    public IEnumerable<InfraDiagnostic> Check(TreeFacts facts)
    {
        foreach (var (file, application) in facts.Applications())
        {
            foreach (var (source, sourcePath) in Sources(application))
            {
                if (DocPointer.Find(source, ["helm", "valueFiles"]) is not DocSeq entries)
                {
                    continue;
                }

                var chartPath = DocPointer.String(source, "path") ?? string.Empty;
                for (var i = 0; i < entries.Count; i++)
                {
                    if (entries[i] is not DocScalar { Kind: ScalarKind.String } entry)
                    {
                        continue; // The upstream schema reports a value file that is not a string.
                    }

                    var problem = Problem(facts, file, chartPath, entry.Text);
                    if (problem is not { } found)
                    {
                        continue;
                    }

                    string[] path = [.. sourcePath, "helm", "valueFiles", i.ToString(System.Globalization.CultureInfo.InvariantCulture)];
                    var at = TreeFacts.OriginOf(file, application, path);
                    var expected = file.Cluster is not null && file.App is not null
                        ? $"this cluster's values file out/{TreeLayout.Values(file.Cluster.Name, file.App.Name)}"
                        : "a values file of the tree";
                    yield return found.Escapes
                        ? ValidationErrors.ValueFileEscapes(entry.Text, at, file.Path, DocPointer.Format(path))
                        : ValidationErrors.ValueFileMissing(entry.Text, found.Text, expected, at, file.Path, DocPointer.Format(path));
                }
            }
        }
    }

    /// <summary>What is wrong with one entry, or null when it names this cluster's and app's values file.</summary>
    private static (bool Escapes, string Text)? Problem(TreeFacts facts, RenderedFile file, string chartPath, string entry)
    {
        var resolved = entry.Length == 0 ? null : RepoPath.Resolve(chartPath, entry);
        if (resolved is null)
        {
            return (true, string.Empty);
        }

        var inTree = facts.TreeRelative(resolved);
        if (inTree is null)
        {
            return (false, $"resolves to '{resolved}', outside the generated tree");
        }

        if (!facts.Tree.Files.TryGetValue(inTree, out var target))
        {
            return (false, $"resolves to '{resolved}', which is not a file of the tree");
        }

        return target.Kind != FileKind.ClusterValues || target.Cluster != file.Cluster || target.App != file.App
            ? (false, $"resolves to out/{inTree}, which is not the values of this cluster and app")
            : null;
    }

    /// <summary>The Application's source, or each of its sources, with its path in the document.</summary>
    internal static IEnumerable<(DocNode Source, string[] Path)> Sources(DocMap application)
    {
        if (DocPointer.Find(application, ["spec", "source"]) is DocMap source)
        {
            yield return (source, ["spec", "source"]);
        }

        if (DocPointer.Find(application, ["spec", "sources"]) is DocSeq sources)
        {
            for (var i = 0; i < sources.Count; i++)
            {
                yield return (sources[i], ["spec", "sources", i.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            }
        }
    }
}
