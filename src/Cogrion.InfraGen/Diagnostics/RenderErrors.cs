namespace Cogrion.InfraGen.Diagnostics;

/// <summary>
/// The diagnostics of the render check (INFRA4xxx): Helm itself (40xx), what Helm rendered (41xx: references, schemas,
/// names; 42xx: Argo CD's rules; 43xx: names that hold only for one release name). Each finding names the cluster, the
/// app, the object (kind/name) and the template it came from. docs/diagnostics.md has a section for each ID.
/// </summary>
public static class RenderErrors
{
    public static InfraDiagnostic HelmMissing(string? path, string from, string? reason = null) => new(
        "INFRA4001",
        (path is null ? "Helm is not installed: no helm on PATH" : $"Helm '{path}' (from {from}) cannot be run{(reason is null ? ": no such file" : ": " + reason)}")
        + $". The render check needs Helm {Helm.HelmPin.Version}: {Helm.HelmPin.HowToGet}.",
        default) { Kind = DiagnosticKind.Environment };

    /// <summary>Helm started, then stopped by a signal (killed, out of memory): what it printed is no verdict on the charts.</summary>
    public static InfraDiagnostic HelmStopped(string path, string command, int signal) => new(
        "INFRA4001",
        $"Helm '{path}' stopped before it finished: `helm {command}` was ended by signal {signal} (killed, or out of memory), so nothing it printed was used. Run again.",
        default) { Kind = DiagnosticKind.Environment };

    public static InfraDiagnostic HelmWrongVersion(string path, string from, string version) => new(
        "INFRA4002",
        $"Helm '{path}' (from {from}) is {version}, not the pinned {Helm.HelmPin.Version} (eng/helm.pin): another version may render the charts differently. {Helm.HelmPin.HowToGet}.",
        default) { Kind = DiagnosticKind.Environment };

    public static InfraDiagnostic ChartPackageMissing(string app, string chart, string version, string repository, string where, SourceLocation at) => new(
        "INFRA4003",
        $"Chart '{app}' depends on {chart} {version} from {repository}, but {where}. Put {chart}-{version}.tgz into the chart cache (--chart-cache DIR, MSBuild InfraGenChartCache), "
        + "or render where that chart repository is reachable (helm dependency build).",
        at) { Kind = DiagnosticKind.Environment };

    /// <summary>The preview cannot compare: the base revision is unreadable, or Helm cannot render one of the trees.</summary>
    public static InfraDiagnostic PreviewFailed(string reason) => new("INFRA4006", $"The preview cannot be made: {reason}.", default) { Kind = DiagnosticKind.Environment };

    public static InfraDiagnostic TemplateFailed(string cluster, string app, string release, string helmError, SourceLocation at, string? output) => new(
        "INFRA4004", $"Helm could not render app '{app}' on cluster '{cluster}' (release '{release}'): {helmError}", at) { OutputPath = output };

    public static InfraDiagnostic LintFailed(string cluster, string app, string findings, SourceLocation at) => new(
        "INFRA4005", $"`helm lint --strict` fails chart '{app}' with the values of cluster '{cluster}': {findings}", at) { OutputPath = $"charts/{app}/Chart.yaml" };

    public static InfraDiagnostic StaleAcceptance(string app, string code, string obj, SourceLocation at) => new(
        "INFRA4302", $"App '{app}' accepts finding {code} on {obj}, but no cluster renders that finding any more: remove the AcceptedFinding (the upstream chart was fixed, or the object renamed).", at) { Kind = DiagnosticKind.Output };

    public static InfraDiagnostic ExternalObjectRendered(string app, ExternalObject external, string cluster, string template) => new(
        "INFRA4303", $"App '{app}' declares {external.Kind} '{external.Name}' external (ExternalObjects), but its chart renders it on cluster '{cluster}' (template {template}): "
        + "the render check sees it now; remove the ExternalObject.", external.DeclaredAt) { Kind = DiagnosticKind.Output };

    public static InfraDiagnostic ExternalObjectUnread(string app, ExternalObject external) => new(
        "INFRA4303", $"App '{app}' declares {external.Kind} '{external.Name}' external (ExternalObjects), but no pod of the app reads it on any cluster: "
        + "remove the ExternalObject. What counts as reading it: a Secret or ConfigMap in env, envFrom or a volume, a ServiceAccount as serviceAccountName.", external.DeclaredAt) { Kind = DiagnosticKind.Output };

    public static InfraDiagnostic StaleFootprint(string app, string problem, SourceLocation at) => new(
        "INFRA4116",
        $"model/footprint.yaml is stale for app '{app}': it {problem}. Every build makes the app's AppProject from this file, so Argo CD would refuse "
        + "what it lacks and permit what it no longer needs. Run `./infragen render --update-footprint`, then `dotnet build`, and commit model/footprint.yaml with out/.",
        at) { Kind = DiagnosticKind.Output };

    public static InfraDiagnostic FootprintNotUpdated(string reason) => new(
        "INFRA4007", $"model/footprint.yaml was not updated: {reason}.", default) { Kind = DiagnosticKind.Environment };

    /// <summary>A finding about one rendered object: code, where it is, what is wrong and what is allowed.</summary>
    public static InfraDiagnostic Finding(string code, string subject, string message, SourceLocation at, string? output, string? pointer) =>
        new(code, $"{subject}: {message}", at) { Kind = DiagnosticKind.Output, OutputPath = output, Pointer = pointer };
}
