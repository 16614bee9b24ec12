using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Rendering;
using Cogrion.InfraGen.Validation.Policy;
using Cogrion.InfraGen.Validation.Rules;

namespace Cogrion.InfraGen.Validation;

/// <summary>
/// The validation stage: every rule over the whole rendered tree, all problems reported together, in a
/// deterministic order (output path, pointer, ID, message). The tree is written only when this finds nothing.
/// </summary>
public static class TreeValidator
{
    /// <summary>The rules, in the order their IDs are documented. Each is stateless.</summary>
    public static IReadOnlyList<ITreeRule> Rules { get; } =
    [
        new UpstreamSchemaRule(),
        new ValuesSchemaRule(),
        new AppOfAppsPathRule(),
        new ChartPathRule(),
        new ValueFilesRule(),
        new ClusterCompletenessRule(),
        new UniquePerClusterRule(),
        new ClusterDomainRule(),
        new SecretKeyRule(),
        new SyncWaveOrderRule(),
        new TemplateReadsRule(),
        new ImageTagPolicy(),
        new SecretMaterialPolicy(),
        new RevisionPolicy(),
    ];

    /// <summary>Every problem in <paramref name="tree"/>; empty when it may be written.</summary>
    public static IReadOnlyList<InfraDiagnostic> Validate(ResolvedEstate model, RenderedTree tree)
    {
        var facts = new TreeFacts(model, tree);
        var found = new List<InfraDiagnostic>[Rules.Count];
        Parallel.For(0, Rules.Count, i => found[i] = [.. Rules[i].Check(facts)]);
        return
        [
            .. found.SelectMany(f => f)
                .Distinct()
                .OrderBy(d => d.OutputPath ?? string.Empty, StringComparer.Ordinal)
                .ThenBy(d => d.Pointer ?? string.Empty, StringComparer.Ordinal)
                .ThenBy(d => d.Code, StringComparer.Ordinal)
                .ThenBy(d => d.Message, StringComparer.Ordinal),
        ];
    }

    /// <summary>Returns <paramref name="tree"/> when it passes every rule; else throws with every problem found.</summary>
    public static RenderedTree Checked(ResolvedEstate model, RenderedTree tree)
    {
        var problems = Validate(model, tree);
        return problems.Count == 0 ? tree : throw new InfraGenException(problems);
    }
}
