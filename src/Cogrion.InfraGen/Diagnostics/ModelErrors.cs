using Cogrion.InfraGen.Loading;

namespace Cogrion.InfraGen.Diagnostics;

/// <summary>
/// The pipeline's diagnostic IDs and their messages, in one place (docs/diagnostics.md has a section for each).
/// INFRA0xxx are the compiler's (analyzers), INFRA1xxx the model's, INFRA2xxx the output's, INFRA3xxx the disk's
/// (<see cref="DiagnosticKind.Environment"/>: they say why the run could not work, not what is wrong with the model).
/// </summary>
public static class ModelErrors
{
    public static InfraDiagnostic ModelThrew(Exception exception) => new(
        "INFRA1000", $"The model threw while defining the estate: {exception.GetType().Name}: {exception.Message}", ThrowSite.InModel(exception) ?? default);

    public static InfraDiagnostic NotALabel(string record, string property, string? value, SourceLocation at) => new(
        "INFRA1001", $"{record} {property} '{value}' is not allowed: it must be {DnsLabel.Rule}; {DnsLabel.Problem(value)}.", at);

    public static InfraDiagnostic NoEstate() => new(
        "INFRA1000", "The [InfraModel] class's Define() returned null; it must return the Estate: its Repo, Clusters and Apps.", default);

    public static InfraDiagnostic Duplicate(string record, string name, SourceLocation first, SourceLocation again) => new(
        "INFRA1002", $"{record} '{name}' is declared twice (first at {first}); each {record.ToLowerInvariant()} name must be unique.", again);

    public static InfraDiagnostic NoValues(string app, string cluster, SourceLocation at) => new(
        "INFRA1003", $"App '{app}' has no values for cluster '{cluster}': its values function returned null. Return values for every cluster.", at);

    public static InfraDiagnostic ValuesThrew(string app, string cluster, Exception exception, SourceLocation at) => new(
        "INFRA1004", $"App '{app}' failed to build its values for cluster '{cluster}': {exception.GetType().Name}: {exception.Message}", ThrowSite.InModel(exception) ?? at);

    public static InfraDiagnostic UnknownDependency(string app, string dependency, SourceLocation at) => new(
        "INFRA1005", $"App '{app}' DependsOn '{dependency}', which is not an app of the estate.", at);

    public static InfraDiagnostic DependencyCycle(IEnumerable<string> cycle, SourceLocation at) => new(
        "INFRA1006", $"Apps depend on each other in a cycle ({string.Join(" -> ", cycle)}); sync waves need an order.", at);

    public static InfraDiagnostic EmptyEstate(string what) => new(
        "INFRA1007", $"The estate has no {what}; declare at least one.", default);

    public static InfraDiagnostic InvalidRepo(string message, SourceLocation at) => new("INFRA1008", message, at);

    public static InfraDiagnostic ChartFileConflict(string app, string file, string from, SourceLocation at) => new(
        "INFRA1009", $"Chart '{app}' has a hand-written template '{file}', which InfraGen generates from {from}; rename or remove it.", at);

    public static InfraDiagnostic NoApprovers(string env, string cluster, SourceLocation at) => new(
        "INFRA1012",
        $"Env '{env}' (of cluster '{cluster}') is a production tier but names no Approvers: production changes need a reviewed pull request. "
        + $"Set Approvers on the Env to {CodeOwnership.ApproverRule}.",
        at);

    public static InfraDiagnostic BadApprover(string env, string approver, SourceLocation at) => new(
        "INFRA1013", $"Env '{env}' Approvers {ImageTag.Quote(approver)} is not allowed: it must be {CodeOwnership.ApproverRule}.", at);

    public static InfraDiagnostic Retirement(string what, string applications, bool several, string name, string file) => new(
        "INFRA1014",
        $"{char.ToUpperInvariant(what[0])}{what[1..]} is no longer in the model, so this run would remove {applications}: once pushed, Argo CD prunes "
        + $"{(several ? "them" : "it")} and deletes everything deployed from {(several ? "them" : "it")} (Deployments, volumes, Secrets). "
        + $"If that is intended, record it in the estate: Retired = [new Retirement(\"{name}\", \"why it goes\")]; otherwise put the {what.Split(' ')[0]} back. Nothing was written.",
        new SourceLocation(file, 1));

    public static InfraDiagnostic NullApp(string list, int index, SourceLocation at) => new(
        "INFRA1015",
        $"{list} entry {index + 1} is null: the app it names did not exist yet when this list was built. That happens when two apps' "
        + "static classes reference each other in their initializers (A.App lists B.App while B.App's initializer, or a values default it "
        + "runs, reads A.App): whichever is created first sees the other as null. Break the cycle: depend in one direction only, "
        + "and name the other app's Secret in a values function instead of a static initializer.",
        at);

    /// <summary>INFRA1016; <c>derived</c>: the dependency is the secret store's app, which the app's Secrets add (not its DependsOn).</summary>
    public static InfraDiagnostic DependencyNotOnCluster(string app, string dependency, string cluster, bool derived, SourceLocation at) => new(
        "INFRA1016",
        $"App '{app}' runs on cluster '{cluster}' and "
        + (derived ? $"reads Secrets, so it depends on '{dependency}', the estate's SecretStoreApp (its ExternalSecret needs the store)," : $"DependsOn '{dependency}',")
        + $" which does not run there (its RunsOn leaves the cluster out): Argo CD would sync '{app}' without what it needs. "
        + $"Run '{dependency}' on '{cluster}' too, or leave '{cluster}' out of the RunsOn of '{app}'.",
        at);

    public static InfraDiagnostic ClusterFunctionFailed(string app, string property, string cluster, string what, SourceLocation at) => new(
        "INFRA1017", $"App '{app}' {property} {what} for cluster '{cluster}'; it must return a value for every cluster of the estate.", at);

    public static InfraDiagnostic RunsNowhere(string app, IEnumerable<string> clusters, SourceLocation at) => new(
        "INFRA1018",
        $"App '{app}' runs on no cluster: its RunsOn is false for every one ({string.Join(", ", clusters)}). "
        + "Let it select at least one, or take the app out of the estate's Apps (with a Retirement, if it ran somewhere).",
        at);

    public static InfraDiagnostic ClusterRunsNothing(string cluster, SourceLocation at) => new(
        "INFRA1018",
        $"Cluster '{cluster}' runs no app: every app's RunsOn leaves it out, so its root Application would watch an empty directory "
        + "(Git keeps none, and Argo CD fails on a missing path). Let an app run there, or take the cluster out of the estate.",
        at);

    public static InfraDiagnostic SuppliedValueSet(string app, string key, string valuesType, SourceLocation at) => new(
        "INFRA1019",
        $"App '{app}': {valuesType} sets '{key}', which InfraGen supplies to every chart from the cluster "
        + $"({string.Join(", ", SuppliedValues.Keys.Select(k => $"{SuppliedValues.GlobalKey}.{k}"))}); remove the property from the values record.",
        at);

    public static InfraDiagnostic RetirementFromClusters(string app, IReadOnlyList<string> clusters, string file) => new(
        "INFRA1014",
        $"App '{app}' no longer runs on {string.Join(", ", clusters)} (its RunsOn leaves {(clusters.Count > 1 ? "them" : "it")} out), so this run would remove its "
        + $"Application{(clusters.Count > 1 ? "s" : "")} there: once pushed, Argo CD prunes {(clusters.Count > 1 ? "them" : "it")} and deletes everything deployed from "
        + $"{(clusters.Count > 1 ? "them" : "it")} on {(clusters.Count > 1 ? "those clusters" : "that cluster")} (Deployments, volumes, Secrets). "
        + $"If that is intended, record it in the estate: Retired = [new Retirement(\"{app}\", \"why it goes from there\")]; otherwise let its RunsOn select "
        + $"{(clusters.Count > 1 ? "them" : "it")} again. Nothing was written.",
        new SourceLocation(file, 1));

    public static InfraDiagnostic MissingClusterInput(MissingClusterInputException missing) => new(
        "INFRA1023",
        $"Cluster '{missing.Cluster.Name}' declares no {missing.Input}, which app '{missing.App}' needs. Terraform creates it: "
        + $"set it on the cluster from Terraform's output, e.g. {missing.Example}.",
        missing.Cluster.DeclaredAt);

    public static InfraDiagnostic BadClusterInput(string cluster, string input, string value, string problem, SourceLocation at) => new(
        "INFRA1024", $"Cluster '{cluster}' {input} {ImageTag.Quote(value)} is not allowed: {problem}.", at);

    public static InfraDiagnostic GeneratedValuesConflict(string app, string key, SourceLocation at) => new(
        "INFRA1009",
        $"App '{app}' installs the secret store (Estate.SecretStoreApp), so InfraGen writes its values key '{key}' and templates/clustersecretstore.yaml; "
        + $"its values record has a '{key}' of its own: rename that property.",
        at);

    public static InfraDiagnostic NotAnApp(string property, string app, SourceLocation at) => new(
        "INFRA1005", $"Estate {property} names app '{app}', which is not in the estate's Apps; add it to Apps.", at);

    public static InfraDiagnostic ArgoCdNamespace(string app, string @namespace, string required, SourceLocation at) => new(
        "INFRA1025",
        $"App '{app}' installs Argo CD (Estate.ArgoCdApp) into namespace '{@namespace}'; it must be '{required}', where every Application and AppProject lives. Name the app '{required}' or give it that namespace.",
        at);

    public static InfraDiagnostic BadFootprint(string message, SourceLocation at) => new(
        "INFRA1105", $"{message} model/footprint.yaml is written by `./infragen render --update-footprint`: run it instead of editing the file.", at);

    public static InfraDiagnostic BadReleases(string message, SourceLocation at) => new("INFRA1101", message, at);

    public static InfraDiagnostic ReleasesNotYaml(string reason, int column, SourceLocation at) => new(
        "INFRA1104",
        $"releases.yaml is not valid YAML (line {at.Line}, column {column}): {reason} Nothing was read from it; correct the file (a map of cluster names to maps of app names to sha- tags).",
        at);

    public static InfraDiagnostic MissingRelease(string app, string cluster, string? promoteFrom, SourceLocation at) => new(
        "INFRA1102",
        $"No image tag for app '{app}' on cluster '{cluster}' in releases.yaml. Copy one from another cluster with `infragen promote --app {app} --from {promoteFrom ?? "<cluster>"} --to {cluster}`, "
        + $"or pin one with `infragen set-image --cluster {cluster} --app {app} --tag sha-…`; either writes the line.",
        at);

    public static InfraDiagnostic UnusedRelease(string app, string cluster, SourceLocation at) => new(
        "INFRA1103", $"releases.yaml sets a tag for app '{app}' on cluster '{cluster}', but no such app reads an image tag there; remove the line.", at);

    public static InfraDiagnostic ReleaseWhereAppDoesNotRun(string app, string cluster, SourceLocation at) => new(
        "INFRA1103", $"releases.yaml sets a tag for app '{app}' on cluster '{cluster}', but the app does not run there (its RunsOn leaves the cluster out); remove the line.", at);

    public static InfraDiagnostic ReleaseOfUnknownName(string app, string cluster, string kind, string name, IEnumerable<string> known, SourceLocation at) => new(
        "INFRA1103",
        $"releases.yaml sets a tag for app '{app}' on cluster '{cluster}', but the model has no {kind} '{name}'; "
        + $"the {kind}s are {string.Join(", ", known.Order(StringComparer.Ordinal))}. Correct the name or remove the line.",
        at);

    public static InfraDiagnostic OutPathIsAFile(string root) => new(
        "INFRA3001",
        $"The output path '{root}' is a file, not a directory; nothing was written. Point --out (InfraGenOutputPath) at InfraGen's output directory.",
        default) { Kind = DiagnosticKind.Environment };

    public static InfraDiagnostic OutDirectoryNotOwned(string root, string marker) => new(
        "INFRA3001",
        $"The output directory '{root}' is not empty and has no '{marker}' marker, so it may hold files InfraGen does not own; " +
        "nothing was written or deleted. Point --out at InfraGen's output directory, or empty this one.",
        default) { Kind = DiagnosticKind.Environment };

    public static InfraDiagnostic OutDirectoryBusy(string outDirectory, string lockFile, TimeSpan waited) => new(
        "INFRA3002",
        $"Another infragen run has held the lock on {outDirectory} for {waited.TotalSeconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture)} s " +
        $"(a generation writing it, or a check reading it), so this run stopped waiting; nothing was written. Run again when it has finished. " +
        $"If no build or infragen command is running, a hung process holds {lockFile}: the OS releases it when that process ends. " +
        "To wait longer, set INFRAGEN_LOCK_TIMEOUT to a number of seconds.",
        default) { Kind = DiagnosticKind.Environment };

    public static InfraDiagnostic OutDirectoryUnlockable(string lockFile, string reason) => new(
        "INFRA3003",
        $"Cannot lock the output directory: {lockFile}: {reason} InfraGen creates and locks this file so that two generations never write the directory at once; " +
        "make the directory writable, or point --out (InfraGenOutputPath) at one that is.",
        default) { Kind = DiagnosticKind.Environment };

    public static InfraDiagnostic OutPathBlocked(string path, string what) => new(
        "INFRA3004",
        $"Cannot write the tree: '{path}' is {what}; nothing was written. A rename cannot replace it: remove it, then run again.",
        default) { Kind = DiagnosticKind.Environment };

    public static InfraDiagnostic WriteFailed(string path, string osError, int written, int others) => new(
        "INFRA3004",
        $"Cannot write '{path}': {osError.TrimEnd('.', ' ')}. "
        + (others > 0 ? $"{others} more file(s) failed too. " : "")
        + (written > 0
            ? $"{written} file(s) were written before it failed, each whole (a temporary file and a rename); releases.yaml was not changed. "
            : "Nothing was written. ")
        + "Fix the cause (a full disk, a read-only file system, permissions), then run again: only what differs is written.",
        default) { Kind = DiagnosticKind.Environment };

    public static InfraDiagnostic ReleasesNotWritten(string file, string osError, int written) => new(
        "INFRA3004",
        $"Cannot write '{file}': {osError.TrimEnd('.', ' ')}. The tags were not saved; out/ was written with them ({written} file(s)), "
        + "so run `infragen generate` (or `dotnet build`) to put out/ back, fix the cause, then run the command again.",
        default) { Kind = DiagnosticKind.Environment };

    public static InfraDiagnostic Unrenderable(string output, string pointer, string subject, string reason, SourceLocation at) => new(
        "INFRA1201",
        $"{subject} cannot be written as YAML: it holds {reason}. Allowed: any Unicode text, with UTF-16 surrogates only in pairs (an emoji is a pair; half of one is not a character).",
        at) { OutputPath = output, Pointer = pointer };
}
