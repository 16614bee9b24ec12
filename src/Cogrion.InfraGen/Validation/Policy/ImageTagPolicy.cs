using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Documents;

namespace Cogrion.InfraGen.Validation.Policy;

/// <summary>
/// INFRA2201: every image tag a deployed app gets (its values merged with the chart defaults) is an immutable
/// <c>sha-</c> tag: values under a <c>tag</c> key (or one ending in <c>Tag</c>), and the tag part of an image
/// reference under an <c>image</c> key. <c>latest</c>, an empty tag and a null tag are never deployed.
/// </summary>
public sealed class ImageTagPolicy : ITreeRule
{
    public IEnumerable<InfraDiagnostic> Check(TreeFacts facts)
    {
        var found = new List<InfraDiagnostic>[facts.Values.Count];
        Parallel.For(0, facts.Values.Count, i => found[i] = CheckValues(facts.Values[i]));
        return found.SelectMany(f => f);
    }

    private static List<InfraDiagnostic> CheckValues(ValuesView view)
    {
        var problems = new List<InfraDiagnostic>();
        DocWalk.Scalars(view.Merged, (path, key, scalar) =>
        {
            var tag = TagOf(path.Count > 0 ? path[^1] : null, key, scalar);
            if (tag is not null && !ImageTag.IsValid(tag))
            {
                var shown = scalar.Kind == ScalarKind.Null ? "null" : $"'{tag}'";
                problems.Add(ValidationErrors.ImageTag(shown, view.ProducerOf(path), view.FileOf(path).Path, DocPointer.Format(path)));
            }
        });
        return problems;
    }

    /// <summary>The tag a scalar sets, or null when it is not a tag.</summary>
    private static string? TagOf(string? segment, string? key, DocScalar scalar)
    {
        if (segment != key || key is null)
        {
            return null; // An item of a list under a tag key is not a tag.
        }

        if (key == "tag" || key.EndsWith("Tag", StringComparison.Ordinal))
        {
            return scalar.Kind == ScalarKind.Null ? string.Empty : scalar.Text;
        }

        if (key == "image" && scalar.Kind == ScalarKind.String)
        {
            var reference = scalar.Text;
            var name = reference[(reference.LastIndexOf('/') + 1)..];
            var at = name.IndexOf('@');
            var colon = name.IndexOf(':');
            return at >= 0 ? null : colon < 0 ? string.Empty : name[(colon + 1)..];
        }

        return null;
    }
}
