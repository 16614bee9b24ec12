using System.Text;
using Cogrion.InfraGen.Loading;

namespace Cogrion.InfraGen.Rendering;

/// <summary>
/// The generated <c>out/README.md</c>: what is here, where it comes from, each cluster's App of Apps as a picture, and how
/// to bootstrap each cluster.
/// </summary>
public static class OutReadme
{
    public static string Render(ResolvedEstate model)
    {
        var estate = model.Estate;
        var text = new StringBuilder();
        text.Append(FileHeader.Markdown("the model in `model/`"));
        text.Append("# cogrion-infra (generated)\n\n");
        text.Append("Argo CD \"App of Apps\" + Helm for the cogrion platform, generated from the typed C# model in `model/`\n");
        text.Append("by Cogrion.InfraGen. Every file here is build output: edit the model and run `dotnet build`;\n");
        text.Append("CI fails when this tree and the model disagree.\n\n");

        text.Append($"Argo CD reads it from `{estate.Repo.Url}` at `{estate.Repo.Revision}`");
        text.Append(estate.Repo.TreePath.Length == 0 ? ".\n\n" : $", under `{estate.Repo.TreePath}/`.\n\n");
        text.Append("Commands below run from the repository root. `./infragen <verb>` (`infragen.cmd` on Windows) runs a verb of\n");
        text.Append("the built model program, building it first when the model changed; with the `infragen` tool installed,\n");
        text.Append("`infragen <verb>` does the same.\n\n");

        text.Append("## Clusters\n\n| Cluster | Environment | Region | AWS region | AWS account | Bootstrap |\n|---|---|---|---|---|---|\n");
        foreach (var cluster in model.Clusters)
        {
            text.Append($"| {cluster.Name} | {cluster.Env.Name}{(cluster.Env.IsProduction ? " (production)" : "")} | {cluster.Region.Name} | {cluster.Region.AwsRegion} ");
            text.Append($"| {cluster.AwsAccountId ?? "-"} | `{TreeLayout.Bootstrap(cluster.Name)}` |\n");
        }

        text.Append("\n## Apps\n\nEach app is one Helm chart shared by every cluster, and per cluster one AppProject and one Argo CD Application.\n\n");
        text.Append("| App | Namespace | Sync wave | Syncs after | Upstream charts |\n|---|---|---|---|---|\n");
        foreach (var app in model.Apps)
        {
            var upstream = app.Chart.Dependencies.Count == 0
                ? "-"
                : string.Join(", ", app.Chart.Dependencies.Select(d => $"{d.Name} {d.Version}"));
            var after = model.Chart(app).Dependencies is { Count: > 0 } dependencies ? string.Join(", ", dependencies.Select(d => d.Name)) : "-";
            text.Append($"| {app.Name}{PlatformRole(model, app)} | {app.Namespace} | {model.Chart(app).SyncWave} | {after} | {upstream} |\n");
        }

        var somewhere = model.Apps.Where(a => model.ClustersOf(a).Count() < model.Clusters.Count).ToList();
        if (somewhere.Count > 0)
        {
            text.Append("\nApps on some clusters only (their RunsOn): ");
            text.Append(string.Join("; ", somewhere.Select(a => $"{a.Name} on {string.Join(", ", model.ClustersOf(a).Select(c => c.Name))}")));
            text.Append(".\n");
        }

        text.Append("""

            ## Layout

            ```
            argocd/bootstrap/<cluster>.yaml     applied once by hand after installing Argo CD: the root's AppProject and the root Application
            argocd/apps/<cluster>/<app>.yaml    per app: its AppProject (exactly what its chart may touch) and its Application
                                                (the shared chart + the cluster's values file); the root syncs this directory
            charts/<app>/                       Chart.yaml, values.yaml (defaults only), values.schema.json, templates/
            values/<cluster>/<app>.yaml         everything cluster-specific, and nothing else
            aws/<cluster>/<app>-policy.json     the IAM policy an app's role needs on the cluster, for Terraform
            .github/CODEOWNERS                  who must approve changes (each environment's Approvers), when any names them
            ```

            """);
        text.Append(AppOfAppsGraph.Section(model));
        text.Append(BootstrapGuide.Section(model));
        return text.ToString();
    }

    /// <summary>What a platform app installs, for the apps table.</summary>
    internal static string PlatformRole(ResolvedEstate model, App app) =>
        ReferenceEquals(app, model.Estate.ArgoCdApp) ? " (platform: Argo CD itself)"
        : ReferenceEquals(app, model.SecretStoreApp) ? $" (platform: External Secrets and the `{model.Estate.SecretStore}` store)"
        : string.Empty;
}
