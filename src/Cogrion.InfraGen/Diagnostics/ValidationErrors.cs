namespace Cogrion.InfraGen.Diagnostics;

/// <summary>
/// The diagnostics of the validation stage (INFRA2xxx): problems found in the rendered tree before anything is
/// written. Each names the output file, the JSON pointer inside it, the model line that produced the value, and
/// what is allowed. docs/diagnostics.md has a section for each ID.
/// </summary>
public static class ValidationErrors
{
    private const string TagRule = global::Cogrion.InfraGen.ImageTag.Rule;

    private static InfraDiagnostic At(string code, string message, SourceLocation at, string output, string? pointer) =>
        new(code, message, at) { Kind = DiagnosticKind.Output, OutputPath = output, Pointer = pointer };

    public static InfraDiagnostic SchemaViolation(string schema, string problem, string allowed, SourceLocation at, string output, string pointer) =>
        At("INFRA2001", $"{schema}: {problem}; allowed: {allowed}.", at, output, pointer);

    public static InfraDiagnostic UnsupportedApi(string apiVersion, string kind, string allowed, SourceLocation at, string output, string pointer) =>
        At("INFRA2002", $"apiVersion '{apiVersion}' kind '{kind}' cannot be validated or served: {allowed}.", at, output, pointer);

    public static InfraDiagnostic ValuesSchemaViolation(string chart, string problem, string allowed, SourceLocation at, string output, string pointer) =>
        At("INFRA2003", $"Values of chart '{chart}' (chart defaults merged with this file, as Helm does) break its values.schema.json: {problem}; allowed: {allowed}.", at, output, pointer);

    public static InfraDiagnostic BadValuesSchema(string chart, string reason, SourceLocation at, string output) =>
        At("INFRA2004", $"The values.schema.json of chart '{chart}' is not a usable JSON Schema: {reason}.", at, output, "");

    public static InfraDiagnostic RootPath(string cluster, string path, string problem, string expected, SourceLocation at, string output, string pointer) =>
        At("INFRA2101", $"The root Application of cluster '{cluster}' follows path '{path}', which {problem}; it must be the directory holding exactly that cluster's child Applications ({expected}).", at, output, pointer);

    public static InfraDiagnostic ChartPath(string app, string path, string problem, SourceLocation at, string output, string pointer) =>
        At("INFRA2102", $"Application '{app}' deploys chart path '{path}', which {problem}; it must be a chart directory of the tree whose Chart.yaml name is '{app}'.", at, output, pointer);

    public static InfraDiagnostic ValueFileMissing(string entry, string problem, string expected, SourceLocation at, string output, string pointer) =>
        At("INFRA2103", $"valueFiles entry '{entry}' {problem}; it must resolve, relative to the chart path, to {expected}.", at, output, pointer);

    public static InfraDiagnostic ValueFileEscapes(string entry, SourceLocation at, string output, string pointer) =>
        At("INFRA2104", $"valueFiles entry '{entry}' leaves the repository root (or is absolute or a URL); it must be a relative path that stays inside the repository and resolves to a values file of the tree.", at, output, pointer);

    public static InfraDiagnostic ClusterIncomplete(string cluster, string problem, SourceLocation at, string output) =>
        At("INFRA2105", $"Cluster '{cluster}' {problem}; every cluster needs its bootstrap, its root Application and exactly one Application per app.", at, output, null);

    public static InfraDiagnostic DuplicateApplicationName(string cluster, string name, string other, SourceLocation at, string output, string pointer) =>
        At("INFRA2106", $"Application name '{name}' is used twice on cluster '{cluster}' (also in out/{other}); Application names must be unique per cluster.", at, output, pointer);

    public static InfraDiagnostic DuplicateNamespace(string cluster, string @namespace, string other, SourceLocation at, string output, string pointer) =>
        At("INFRA2107", $"Destination namespace '{@namespace}' is used by two Applications on cluster '{cluster}' (also out/{other}); each app needs its own namespace.", at, output, pointer);

    public static InfraDiagnostic ForeignDomain(string cluster, string host, string owner, string ownerDomain, string ownDomain, SourceLocation at, string output, string pointer) =>
        At("INFRA2108", $"Values of cluster '{cluster}' name host '{host}', which is under cluster '{owner}''s domain '{ownerDomain}'; a cluster's host names must be under its own domain '{ownDomain}'.", at, output, pointer);

    public static InfraDiagnostic SecretKeyConvention(string cluster, string key, string expected, SourceLocation at, string output, string pointer) =>
        At("INFRA2109", $"On cluster '{cluster}' the secret remote key resolves to '{key}'; remote keys must be <prefix>/<env>/<region>/<name> for the cluster, with one prefix for the whole estate: {expected}.", at, output, pointer);

    public static InfraDiagnostic SecretKeyValueMissing(string app, string cluster, string valuesPath, string expected, SourceLocation at, string output, string pointer) =>
        At("INFRA2110", $"The ExternalSecret of chart '{app}' reads .Values.{valuesPath}, which the values of cluster '{cluster}' do not set to {expected}; InfraGen writes global.environment and global.region into every values file, so a hand edit removed it: run `dotnet build`.", at, output, pointer);

    public static InfraDiagnostic SyncWaveOrder(string cluster, string app, string dependency, string problem, SourceLocation at, string output, string pointer) =>
        At("INFRA2111", $"On cluster '{cluster}' app '{app}' depends on '{dependency}' but {problem}; an app's sync wave must be greater than each dependency's (dependencies may not form a cycle).", at, output, pointer);

    public static InfraDiagnostic TemplateReadsMissingValue(string app, string template, int line, string expression, string clusters, SourceLocation at, string output) =>
        At("INFRA2112", $"Template {template} of chart '{app}' reads {expression} (line {line}), which the values of {clusters} do not set, so Helm renders nothing there; a key a template reads unguarded must be in the values: give the values property a chart default or make it required, or guard the read in the template (if, with, default).", at, output, null);

    public static InfraDiagnostic ImageTag(string value, SourceLocation at, string output, string pointer) =>
        At("INFRA2201", $"Image tag {value} is not allowed: a deployed image must be pinned to {TagRule}; never 'latest', never empty.", at, output, pointer);

    public static InfraDiagnostic SecretMaterial(string what, SourceLocation at, string output, string pointer) =>
        At("INFRA2202", $"Literal secret material in the tree: {what}. Secrets live in AWS Secrets Manager: add an AppSecret and reference the Kubernetes Secret it creates.", at, output, pointer);

    public static InfraDiagnostic FloatingRevision(string cluster, string revision, string expected, SourceLocation at, string output, string pointer) =>
        At("INFRA2203", $"Application on production cluster '{cluster}' follows targetRevision '{revision}'; production must follow {expected}, never HEAD or another floating branch.", at, output, pointer);
}
