using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Rendered.Checks;
using Cogrion.InfraGen.Rendering;

namespace Cogrion.InfraGen.Rendered;

/// <summary>What the render check found.</summary>
/// <param name="Estate">What Helm rendered.</param>
/// <param name="Diagnostics">Every problem, in the canonical format's terms.</param>
/// <param name="Objects">Objects rendered (under the Argo CD release names).</param>
/// <param name="NoSchema">Kinds with no schema to check them against (<c>apiVersion Kind</c>), with how many objects.</param>
/// <param name="Accepted">Findings the model accepts (<see cref="AcceptedFinding"/>), one line each with the reason.</param>
public sealed record RenderReport(
    RenderedEstate Estate, IReadOnlyList<InfraDiagnostic> Diagnostics, int Objects, IReadOnlyList<(string Kind, int Count)> NoSchema, IReadOnlyList<string> Accepted)
{
    /// <summary>The summary line: <c>render: pairs=N objects=M no-schema=U findings=F cached=C</c>.</summary>
    public string Summary =>
        $"render: pairs={Estate.Releases.Count} objects={Objects} no-schema={NoSchema.Sum(k => k.Count)} findings={Diagnostics.Count} cached={Estate.Cached}";
}

/// <summary>
/// Runs every check over what Helm rendered and turns each finding into a diagnostic that names the cluster, the app,
/// the object and its template, at the model file that template comes from. Each pair is checked under its Argo CD
/// release name and under a second one: a finding that appears only under the second is a template that hard-codes a
/// name (INFRA4301).
/// </summary>
public static class RenderCheck
{
    private static readonly IReleaseCheck[] ReleaseChecks =
    [
        new ObjectSchemaCheck(), new NameCheck(), new ConfigReferenceCheck(), new UnreadSecretKeyCheck(), new ServiceCheck(),
        new IngressCheck(), new ServiceAddressCheck(), new ArgoCdSyncCheck(),
    ];

    private static readonly IClusterCheck[] ClusterChecks = [new IngressClassCheck(), new DuplicateObjectCheck(), new ProjectCheck()];

    /// <summary>Checks what Helm rendered; <paramref name="onlyApp"/>: report only that app's findings (null: every app's).</summary>
    public static RenderReport Run(ResolvedEstate model, RenderedTree tree, RenderedEstate estate, string? onlyApp = null)
    {
        var facts = new RenderFacts(model, tree, estate.Releases);
        var diagnostics = new List<InfraDiagnostic>(estate.Problems);
        var primary = new HashSet<string>(StringComparer.Ordinal);
        var accepted = new List<(RenderedRelease Release, RenderFinding Finding, AcceptedFinding Acceptance)>();
        foreach (var release in estate.Releases.Where(r => onlyApp is null || r.App.Name == onlyApp))
        {
            foreach (var finding in ReleaseChecks.SelectMany(c => c.Check(facts, release)))
            {
                primary.Add(Key(release, finding));
                if (Acceptance(release, finding) is { } acceptance)
                {
                    accepted.Add((release, finding, acceptance));
                }
                else
                {
                    diagnostics.Add(Diagnostic(model, tree, release, finding));
                }
            }
        }

        foreach (var cluster in model.Clusters)
        {
            var releases = estate.Releases.Where(r => r.Cluster == cluster).ToList();
            foreach (var (release, finding) in ClusterChecks.SelectMany(c => c.Check(facts, cluster, releases)).Where(p => onlyApp is null || p.Release.App.Name == onlyApp))
            {
                if (Acceptance(release, finding) is { } acceptance)
                {
                    accepted.Add((release, finding, acceptance));
                }
                else
                {
                    diagnostics.Add(Diagnostic(model, tree, release, finding));
                }
            }
        }

        foreach (var alternate in estate.Alternates.Where(r => onlyApp is null || r.App.Name == onlyApp))
        {
            foreach (var finding in ReleaseChecks.SelectMany(c => c.Check(facts, alternate)).DistinctBy(f => Key(alternate, f)))
            {
                if (!primary.Contains(Key(alternate, finding)))
                {
                    diagnostics.Add(Diagnostic(model, tree, alternate, finding with
                    {
                        Code = "INFRA4301",
                        Message = $"rendered under release name '{alternate.ReleaseName}' instead of '{alternate.App.Name}', it {finding.Message} "
                            + $"({finding.Code}, only under the second name). A template or value hard-codes a name that holds only for release '{alternate.App.Name}': "
                            + "derive both sides from the release (the chart's fullname helper) or both from the chart.",
                    }));
                }
            }
        }

        // An acceptance that matched nothing is stale (the upstream chart was fixed, or the object renamed): say so. Only
        // when the app rendered on every cluster it runs on: under --cluster, or when Helm failed, it may occur where nothing rendered.
        foreach (var app in model.Apps.Where(a => (onlyApp is null || a.Name == onlyApp) && model.ClustersOf(a).All(c => estate.Releases.Any(r => r.App == a && r.Cluster == c))))
        {
            foreach (var acceptance in app.AcceptedFindings.Where(a => !accepted.Any(x => x.Acceptance == a)))
            {
                diagnostics.Add(RenderErrors.StaleAcceptance(app.Name, acceptance.Code, acceptance.ObjectUnder(app.Name), acceptance.DeclaredAt));
            }
        }

        var noSchema = estate.Releases.SelectMany(r => r.Objects.Select(o => (r.Cluster, Object: o)))
            .Where(p => RenderedSchemas.For(facts, p.Cluster, p.Object) is null)
            .GroupBy(p => $"{p.Object.ApiVersion} {p.Object.Kind}", StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count())).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        return new RenderReport(
            estate,
            [.. diagnostics.Distinct().OrderBy(d => d.Location.File, StringComparer.Ordinal).ThenBy(d => d.Location.Line).ThenBy(d => d.Message, StringComparer.Ordinal)],
            estate.Releases.Sum(r => r.Objects.Count),
            noSchema,
            [.. accepted.Select(a => $"{a.Finding.Code} {a.Finding.Object.Id} of app '{a.Release.App.Name}' on cluster '{a.Release.Cluster.Name}': {a.Acceptance.Reason}").Distinct().Order(StringComparer.Ordinal)]);
    }

    /// <summary>
    /// A finding by where it is, the same under either release name: its rule, the template, the object's kind and its
    /// place among that template's objects of the kind, and the pointer (names differ under the second release name, and
    /// fullname helpers shorten them differently).
    /// </summary>
    private static string Key(RenderedRelease release, RenderFinding finding)
    {
        var ordinal = release.Objects.Where(o => o.Template == finding.Object.Template && o.Kind == finding.Object.Kind).ToList().IndexOf(finding.Object);
        return $"{release.Cluster.Name}|{release.App.Name}|{finding.Code}|{finding.Object.Template}|{finding.Object.Kind}|{ordinal}|{finding.Pointer}";
    }

    private static AcceptedFinding? Acceptance(RenderedRelease release, RenderFinding finding) =>
        release.App.AcceptedFindings.FirstOrDefault(a => a.Code == finding.Code && a.ObjectUnder(release.ReleaseName) == finding.Object.Id);

    private static InfraDiagnostic Diagnostic(ResolvedEstate model, RenderedTree tree, RenderedRelease release, RenderFinding finding)
    {
        var (at, output) = Source(model, tree, release, finding.Object);
        var ns = finding.Object.Namespace is { } n ? $" in namespace '{n}'" : "";
        var subject = $"On cluster '{release.Cluster.Name}', app '{release.App.Name}': {finding.Object.Id}{ns} (template {finding.Object.Template})";
        return RenderErrors.Finding(finding.Code, subject, finding.Message, at, output, finding.Pointer.Length == 0 ? null : finding.Pointer);
    }

    /// <summary>
    /// Where to fix an object: its template in the tree (a hand-written one at its model file, on the line that declares
    /// the object's kind), else, for an upstream chart's template, the app's declaration, whose values feed it.
    /// </summary>
    private static (SourceLocation At, string? Output) Source(ResolvedEstate model, RenderedTree tree, RenderedRelease release, RenderedObject obj)
    {
        var prefix = release.App.Name + "/templates/";
        if (!obj.Template.StartsWith(prefix, StringComparison.Ordinal))
        {
            return (release.App.DeclaredAt, TreeLayout.Values(release.Cluster.Name, release.App.Name));
        }

        var relative = obj.Template[(release.App.Name.Length + 1)..];
        var output = TreeLayout.ChartFile(release.App.Name, relative);
        if (model.Chart(release.App).Templates.FirstOrDefault(t => t.ChartPath == relative) is { } handWritten)
        {
            return (new SourceLocation(handWritten.Source, KindLine(handWritten.Text, obj.Kind)), output);
        }

        return (tree.Files.TryGetValue(output, out var file) && !file.Origin.IsUnknown ? file.Origin : release.App.DeclaredAt, output);
    }

    /// <summary>The line of a template's text that declares the kind (1 when none does).</summary>
    private static int KindLine(string text, string kind)
    {
        var lines = text.Split('\n');
        var index = Array.FindIndex(lines, l => l.Trim() == $"kind: {kind}");
        return index < 0 ? 1 : index + 1;
    }
}
