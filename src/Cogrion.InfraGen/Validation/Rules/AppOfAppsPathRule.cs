using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Rendering;

namespace Cogrion.InfraGen.Validation.Rules;

/// <summary>
/// INFRA2101: each root Application's <c>path</c> is a directory of the tree that holds exactly its cluster's
/// child Applications (Argo CD reads a directory source non-recursively: one file missing is an app never
/// deployed, one file too many is another cluster's app deployed here).
/// </summary>
public sealed class AppOfAppsPathRule : ITreeRule
{
    public IEnumerable<InfraDiagnostic> Check(TreeFacts facts)
    {
        foreach (var (file, root) in facts.Applications().Where(a => a.File.Kind == FileKind.RootApplication))
        {
            var cluster = file.Cluster?.Name ?? "?";
            var path = DocPointer.String(root, "spec", "source", "path");
            var at = TreeFacts.OriginOf(file, root, ["spec", "source", "path"]);
            var children = facts.ChildApplications[file.Cluster].Select(f => f.Path).ToList();
            var expected = children.Count == 0 ? "none" : string.Join(", ", children.Select(c => "out/" + c));
            if (path is null)
            {
                yield return ValidationErrors.RootPath(cluster, "", "is missing", expected, at, file.Path, "/spec/source");
                continue;
            }

            var directory = facts.TreeRelative(path);
            if (directory is null)
            {
                yield return ValidationErrors.RootPath(cluster, path, $"lies outside the generated tree ({facts.TreeDescription})", expected, at, file.Path, "/spec/source/path");
                continue;
            }

            var held = facts.FilesInDirectory[directory].Select(f => f.Path).ToList();
            if (held.Count == 0)
            {
                yield return ValidationErrors.RootPath(cluster, path, "is not a directory of the tree", expected, at, file.Path, "/spec/source/path");
                continue;
            }

            var missing = children.Except(held, StringComparer.Ordinal).ToList();
            var foreign = held.Except(children, StringComparer.Ordinal).ToList();
            if (missing.Count > 0 || foreign.Count > 0)
            {
                var problem = string.Join(" and ", new[]
                {
                    missing.Count > 0 ? "does not hold " + string.Join(", ", missing.Select(m => "out/" + m)) : null,
                    foreign.Count > 0 ? "also holds " + string.Join(", ", foreign.Select(f => "out/" + f)) : null,
                }.OfType<string>());
                yield return ValidationErrors.RootPath(cluster, path, problem, expected, at, file.Path, "/spec/source/path");
            }
        }
    }
}
