using System.Text;
using Cogrion.InfraGen.Loading;

namespace Cogrion.InfraGen.Rendering;

/// <summary>The generated <c>out/README.md</c>: what is here, where it comes from, and how to bootstrap each cluster.</summary>
public static class OutReadme
{
    /// <summary>The Argo CD release the bootstrap instructions install (the schemas' source release).</summary>
    public const string ArgoCdVersion = "v3.5.1";

    /// <summary>The External Secrets Operator chart the bootstrap instructions install (the schemas' source release).</summary>
    public const string ExternalSecretsVersion = "2.9.0";

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

        text.Append("## Clusters\n\n| Cluster | Environment | Region | AWS region | Root Application |\n|---|---|---|---|---|\n");
        foreach (var cluster in model.Clusters)
        {
            text.Append($"| {cluster.Name} | {cluster.Env.Name}{(cluster.Env.IsProduction ? " (production)" : "")} | {cluster.Region.Name} | {cluster.Region.AwsRegion} | `{TreeLayout.Root(cluster.Name)}` |\n");
        }

        text.Append("\n## Apps\n\nEach app is one Helm chart shared by every cluster, and one Argo CD Application per cluster.\n\n");
        text.Append("| App | Namespace | Sync wave | Upstream charts |\n|---|---|---|---|\n");
        foreach (var app in model.Apps)
        {
            var upstream = app.Chart.Dependencies.Count == 0
                ? "-"
                : string.Join(", ", app.Chart.Dependencies.Select(d => $"{d.Name} {d.Version}"));
            text.Append($"| {app.Name} | {app.Namespace} | {model.Chart(app).SyncWave} | {upstream} |\n");
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
            argocd/bootstrap/<cluster>.yaml     applied once by hand: argocd Namespace, cluster registration, AppProject, secret store
            argocd/root/<cluster>.yaml          the App of Apps root; watches argocd/apps/<cluster>/
            argocd/apps/<cluster>/<app>.yaml    one Application per app: the shared chart + the cluster's values file
            charts/<app>/                       Chart.yaml, values.yaml (defaults only), values.schema.json, templates/
            values/<cluster>/<app>.yaml         everything cluster-specific, and nothing else
            .github/CODEOWNERS                  who must approve changes (each environment's Approvers), when any names them
            ```

            ## Bootstrap a cluster

            The cluster's AWS infrastructure comes first (Terraform). Then, with kubectl pointed at the new cluster:

            1. Install Argo CD and the External Secrets Operator (once per cluster):

               ```sh
               kubectl create namespace argocd

            """);
        text.Append($"   kubectl apply -n argocd --server-side -f https://raw.githubusercontent.com/argoproj/argo-cd/{ArgoCdVersion}/manifests/install.yaml\n");
        text.Append($"   helm install external-secrets external-secrets --repo https://charts.external-secrets.io --version {ExternalSecretsVersion} \\\n");
        text.Append("     --namespace external-secrets --create-namespace\n   ```\n\n");
        text.Append($"2. Create the cluster's secrets in AWS Secrets Manager, in the cluster's AWS region: `./infragen secrets --cluster <cluster>` lists\n");
        text.Append($"   the keys (`--format json` for scripts). The bootstrap's ClusterSecretStore `{estate.SecretStore}` reads them.\n");
        text.Append("3. Apply the bootstrap, then the root Application; this is the only manual apply ever needed:\n\n");
        foreach (var cluster in model.Clusters)
        {
            text.Append($"   **{cluster.Name}**\n\n   ```sh\n");
            text.Append($"   ./infragen secrets --cluster {cluster.Name}   # step 2: create these in {cluster.Region.AwsRegion} first\n");
            text.Append($"   kubectl apply -f {estate.Repo.InRepo(TreeLayout.Bootstrap(cluster.Name))}\n");
            text.Append($"   kubectl apply -f {estate.Repo.InRepo(TreeLayout.Root(cluster.Name))} -n argocd\n   ```\n\n");
        }

        text.Append("4. Verify: `argocd app list` shows `root` and ");
        text.Append(string.Join(", ", model.Apps.Select(a => $"`{a.Name}`")));
        text.Append(somewhere.Count > 0 ? " (those of the cluster)" : string.Empty);
        text.Append("; all reach Synced / Healthy within about five minutes.\n");
        return text.ToString();
    }
}
