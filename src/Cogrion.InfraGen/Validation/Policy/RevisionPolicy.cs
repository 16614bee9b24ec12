using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Validation.Rules;

namespace Cogrion.InfraGen.Validation.Policy;

/// <summary>
/// INFRA2203: Applications on production clusters follow exactly the revision the model names
/// (<see cref="GitRepo.Revision"/>), and never <c>HEAD</c> (nor an empty targetRevision, which means HEAD).
/// </summary>
public sealed class RevisionPolicy : ITreeRule
{
    public IEnumerable<InfraDiagnostic> Check(TreeFacts facts)
    {
        var revision = facts.Estate.Repo.Revision;
        var modelFloats = IsHead(revision);
        var expected = modelFloats ? "a named branch or tag (the model's Repo.Revision is HEAD: name one)" : $"the model's revision '{revision}'";
        foreach (var (file, application) in facts.Applications())
        {
            if (file.Cluster is not { Env.IsProduction: true } cluster)
            {
                continue;
            }

            foreach (var (source, path) in ValueFilesRule.Sources(application))
            {
                var followed = DocPointer.String(source, "targetRevision") ?? string.Empty;
                if (IsHead(followed) || modelFloats || followed != revision)
                {
                    string[] at = [.. path, "targetRevision"];
                    // When the model itself names HEAD, the line to fix is the repository's declaration.
                    var origin = modelFloats ? facts.Estate.Repo.DeclaredAt : TreeFacts.OriginOf(file, application, at);
                    yield return ValidationErrors.FloatingRevision(cluster.Name, followed.Length == 0 ? "(none, which is HEAD)" : followed, expected,
                        origin, file.Path, DocPointer.Format(at));
                }
            }
        }
    }

    private static bool IsHead(string revision) => revision.Trim().Length == 0 || string.Equals(revision.Trim(), "HEAD", StringComparison.OrdinalIgnoreCase);
}
