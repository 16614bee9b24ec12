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
    /// <summary>Objects the apps declare they get outside the render (<see cref="App.ExternalObjects"/>), one line each with the reason.</summary>
    public IReadOnlyList<string> External { get; init; } = [];

    /// <summary>What each app rendered over the clusters rendered: the data of <c>model/footprint.yaml</c>.</summary>
    public IReadOnlyDictionary<string, Loading.AppFootprint> Footprint { get; init; } = new Dictionary<string, Loading.AppFootprint>();

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
                AcceptOrReport(model, tree, release, finding, accepted, diagnostics);
            }
        }

        foreach (var cluster in model.Clusters)
        {
            var releases = estate.Releases.Where(r => r.Cluster == cluster).ToList();
            foreach (var (release, finding) in ClusterChecks.SelectMany(c => c.Check(facts, cluster, releases)).Where(p => onlyApp is null || p.Release.App.Name == onlyApp))
            {
                AcceptOrReport(model, tree, release, finding, accepted, diagnostics);
            }
        }

        diagnostics.AddRange(HardCodedNames(model, tree, facts, estate.Alternates.Where(r => onlyApp is null || r.App.Name == onlyApp), primary));

        // What the model declares about the render (the footprint, accepted findings, external objects) must still hold.
        // Only for an app rendered on every cluster it runs on: under --cluster, or when Helm failed, the evidence may be elsewhere.
        bool RenderedEverywhere(App app) => model.ClustersOf(app).All(c => estate.Releases.Any(r => r.App == app && r.Cluster == c));
        var footprint = FootprintCheck.Measure(facts);
        diagnostics.AddRange(FootprintCheck.Check(model, footprint, RenderedEverywhere, onlyApp));
        var apps = model.Apps.Where(a => onlyApp is null || a.Name == onlyApp).ToList();
        diagnostics.AddRange(StaleAcceptances(apps.Where(RenderedEverywhere), accepted.Select(a => a.Acceptance)));
        var (externalProblems, external) = ExternalObjectCheck.Check(apps, estate.Releases, RenderedEverywhere);
        diagnostics.AddRange(externalProblems);

        var noSchema = estate.Releases.SelectMany(r => r.Objects.Select(o => (r.Cluster, Object: o)))
            .Where(p => RenderedSchemas.For(facts, p.Cluster, p.Object) is null)
            .GroupBy(p => $"{p.Object.ApiVersion} {p.Object.Kind}", StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count())).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        return new RenderReport(
            estate,
            [.. diagnostics.Distinct().OrderBy(d => d.Location.File, StringComparer.Ordinal).ThenBy(d => d.Location.Line).ThenBy(d => d.Message, StringComparer.Ordinal)],
            estate.Releases.Sum(r => r.Objects.Count),
            noSchema,
            [.. accepted.Select(a => $"{a.Finding.Code} {a.Finding.Object.Id} of app '{a.Release.App.Name}' on cluster '{a.Release.Cluster.Name}': {a.Acceptance.Reason}").Distinct().Order(StringComparer.Ordinal)])
        {
            Footprint = footprint,
            External = external,
        };
    }

    /// <summary>INFRA4301: a finding under the second release name that the Argo CD release name does not have.</summary>
    private static IEnumerable<InfraDiagnostic> HardCodedNames(
        ResolvedEstate model, RenderedTree tree, RenderFacts facts, IEnumerable<RenderedRelease> alternates, HashSet<string> primary)
    {
        foreach (var alternate in alternates)
        {
            foreach (var finding in ReleaseChecks.SelectMany(c => c.Check(facts, alternate)).DistinctBy(f => Key(alternate, f)))
            {
                if (!primary.Contains(Key(alternate, finding)))
                {
                    yield return Diagnostic(model, tree, alternate, finding with
                    {
                        Code = "INFRA4301",
                        Message = $"rendered under release name '{alternate.ReleaseName}' instead of '{alternate.App.Name}', it {finding.Message} "
                            + $"({finding.Code}, only under the second name). A template or value hard-codes a name that holds only for release '{alternate.App.Name}': "
                            + "derive both sides from the release (the chart's fullname helper) or both from the chart.",
                    });
                }
            }
        }
    }

    /// <summary>A finding the app accepts is listed; any other becomes a diagnostic.</summary>
    private static void AcceptOrReport(
        ResolvedEstate model, RenderedTree tree, RenderedRelease release, RenderFinding finding,
        List<(RenderedRelease Release, RenderFinding Finding, AcceptedFinding Acceptance)> accepted, List<InfraDiagnostic> diagnostics)
    {
        if (release.App.AcceptedFindings.FirstOrDefault(a => a.Code == finding.Code && a.ObjectUnder(release.ReleaseName) == finding.Object.Id) is { } acceptance)
        {
            accepted.Add((release, finding, acceptance));
        }
        else
        {
            diagnostics.Add(Diagnostic(model, tree, release, finding));
        }
    }

    /// <summary>INFRA4302: an acceptance that matched nothing (the upstream chart was fixed, or the object renamed).</summary>
    private static IEnumerable<InfraDiagnostic> StaleAcceptances(IEnumerable<App> apps, IEnumerable<AcceptedFinding> used)
    {
        var matched = used.ToHashSet();
        return from app in apps
               from acceptance in app.AcceptedFindings
               where !matched.Contains(acceptance)
               select RenderErrors.StaleAcceptance(app.Name, acceptance.Code, acceptance.ObjectUnder(app.Name), acceptance.DeclaredAt);
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
