using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Validation.Schemas;

namespace Cogrion.InfraGen.Validation.Rules;

/// <summary>Groups a document's schema findings by place, one explained problem per place, in document order.</summary>
internal static class SchemaFindingsReport
{
    public static IEnumerable<(IReadOnlyList<string> Path, string Pointer, string Problem, string Allowed)> Explain(
        CompiledSchema schema, DocNode document, IReadOnlyList<SchemaFinding> findings)
    {
        foreach (var place in findings.GroupBy(f => DocPointer.Format(f.Path), StringComparer.Ordinal))
        {
            var group = place.ToList();
            var (problem, allowed) = SchemaExplanation.Explain(schema, document, group);
            yield return (group[0].Path, place.Key, problem, allowed);
        }
    }
}
