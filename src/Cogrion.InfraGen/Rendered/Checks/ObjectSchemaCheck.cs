using Cogrion.InfraGen.Validation.Rules;

namespace Cogrion.InfraGen.Rendered.Checks;

/// <summary>INFRA4101: every rendered object against its schema (<see cref="RenderedSchemas"/>).</summary>
public sealed class ObjectSchemaCheck : IReleaseCheck
{
    public IEnumerable<RenderFinding> Check(RenderFacts facts, RenderedRelease release)
    {
        foreach (var obj in release.Objects)
        {
            if (RenderedSchemas.For(facts, release.Cluster, obj) is not { } schema)
            {
                continue; // Counted and listed by the render check's summary.
            }

            var findings = facts.Verdicts.Evaluate(schema, obj.Document);
            foreach (var (_, pointer, problem, allowed) in SchemaFindingsReport.Explain(schema, obj.Document, findings))
            {
                yield return new RenderFinding("INFRA4101", obj, pointer, $"breaks the {schema.Title} schema: {problem}; allowed: {allowed}.");
            }
        }
    }
}
