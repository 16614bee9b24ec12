using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Documents;

namespace Cogrion.InfraGen.Rendered.Checks;

/// <summary>
/// INFRA4303: each object an app declares external (<see cref="App.ExternalObjects"/>) stays an honest declaration: the
/// app's chart does not render it after all (then the declaration hides nothing and goes), and some pod of the app reads
/// it (else it excuses nothing). Unused is judged only for an app rendered on every cluster it runs on.
/// </summary>
internal static class ExternalObjectCheck
{
    /// <summary>The problems, and one line per declaration for the render summary (<c>Kind/name of app 'a' …: reason</c>).</summary>
    public static (IReadOnlyList<InfraDiagnostic> Problems, IReadOnlyList<string> Listed) Check(
        IEnumerable<App> apps, IReadOnlyList<RenderedRelease> releases, Func<App, bool> renderedEverywhere)
    {
        var problems = new List<InfraDiagnostic>();
        var listed = new List<string>();
        foreach (var app in apps)
        {
            var ofApp = releases.Where(r => r.App == app).ToList();
            foreach (var external in app.ExternalObjects)
            {
                listed.Add($"{external.Kind}/{external.NameUnder(app.Name)} of app '{app.Name}' in namespace '{app.Namespace}': {external.Reason}");
                if (ofApp.Select(r => (Release: r, Object: Rendered(r, external))).FirstOrDefault(p => p.Object is not null) is ({ } release, { } obj))
                {
                    problems.Add(RenderErrors.ExternalObjectRendered(app.Name, external, release.Cluster.Name, obj.Template));
                }
                else if (renderedEverywhere(app) && !ofApp.Any(r => r.Objects.Any(o => Reads(o, external.Kind, external.NameUnder(r.ReleaseName)))))
                {
                    problems.Add(RenderErrors.ExternalObjectUnread(app.Name, external));
                }
            }
        }

        return (problems, listed);
    }

    private static RenderedObject? Rendered(RenderedRelease release, ExternalObject external) =>
        release.Objects.FirstOrDefault(o => o.Kind == external.Kind && o.Name == external.NameUnder(release.ReleaseName) && (o.Namespace ?? release.Namespace) == release.Namespace);

    /// <summary>Whether a pod template of <paramref name="obj"/> reads the object, as INFRA4102 and INFRA4109 look it up.</summary>
    private static bool Reads(RenderedObject obj, string kind, string name) => kind == "ServiceAccount"
        ? KubernetesKinds.PodSpec(obj.Document)?["serviceAccountName"] is DocScalar account && account.Text == name
        : PodReads.Of(obj).Any(read => read.Kind == kind && read.Name == name);
}
