using System.Text;
using Cogrion.InfraGen.Inspection;
using Cogrion.InfraGen.Loading;

namespace Cogrion.InfraGen.Rendering;

/// <summary>
/// The "Bootstrap a cluster" section of <c>out/README.md</c>: per cluster, what Terraform must have made, then the only
/// manual steps: install Argo CD with Helm from the tree's own chart and values (the same Argo CD then manages itself
/// with), apply the bootstrap file, log in and watch the apps arrive.
/// </summary>
internal static class BootstrapGuide
{
    public static string Section(ResolvedEstate model)
    {
        var text = new StringBuilder("## Bootstrap a cluster\n\n");
        text.Append("Terraform comes first: the EKS cluster, its VPC, and the IAM roles below (IAM roles for service accounts, trusted by\n");
        text.Append("the cluster's OIDC provider). Their IDs and ARNs are Terraform outputs that the model declares on each `Cluster` in\n");
        text.Append("`model/Estate.cs` (`AwsAccountId`, `VpcId`, `IamRoles`); the charts and the IAM policies here are made from them.\n");
        text.Append("Then, with kubectl pointed at the new cluster, four steps; after them Argo CD manages everything, itself included,\n");
        text.Append("from this tree.\n\n");
        foreach (var cluster in model.Clusters)
        {
            Cluster(model, cluster, text);
        }

        return text.ToString();
    }

    private static void Cluster(ResolvedEstate model, Cluster cluster, StringBuilder text)
    {
        var estate = model.Estate;
        var repo = estate.Repo;
        text.Append($"### {cluster.Name}\n\n");
        text.Append($"1. AWS, in account {cluster.AwsAccountId ?? "(no AwsAccountId declared)"}, region {cluster.Region.AwsRegion} (Terraform):\n");
        foreach (var (app, arn) in cluster.IamRoles.OrderBy(r => r.Key.Name, StringComparer.Ordinal))
        {
            var policy = ReferenceEquals(app, model.SecretStoreApp) && model.Find(cluster, app) is not null
                ? $"with the policy `{repo.InRepo(TreeLayout.IamPolicy(cluster.Name, app.Name))}`"
                : "with the IAM policy its upstream chart documents";
            text.Append($"   - `{arn}`: the role of {app.Name}'s service account in namespace `{app.Namespace}`, {policy}.\n");
        }

        var secrets = SecretInventory.For(model, cluster).Count;
        if (secrets > 0)
        {
            text.Append($"   - {secrets} secrets in AWS Secrets Manager: `./infragen secrets --cluster {cluster.Name}` lists them (`--format json` for scripts).\n");
        }

        if (estate.ClusterDomain?.Invoke(cluster) is { } domain)
        {
            text.Append($"   - DNS: `*.{domain}` pointing at the ingress's network load balancer, once Argo CD has made it.\n");
        }

        if (estate.ArgoCdApp is { } argocd)
        {
            var chart = repo.InRepo(TreeLayout.ChartDirectory(argocd.Name));
            // From a copy: `helm dependency build` downloads into the chart's charts/ and writes Chart.lock, files the model
            // does not make, which `infragen check` would call drift and the next build would delete.
            text.Append("2. Install Argo CD from its chart in this tree, with the values its own Application then keeps applying (from a copy of\n");
            text.Append("   the chart, so that Helm's dependency download stays out of the tree):\n\n");
            text.Append("   ```sh\n");
            text.Append($"   chart=\"$(mktemp -d)/{argocd.Name}\" && cp -R {chart} \"$chart\" && helm dependency build \"$chart\"\n");
            text.Append($"   helm install {argocd.Name} \"$chart\" -n {argocd.Namespace} --create-namespace -f {repo.InRepo(TreeLayout.Values(cluster.Name, argocd.Name))}\n");
            text.Append("   ```\n\n");
        }
        else
        {
            text.Append("2. Install Argo CD into the namespace `argocd` (the estate declares no `ArgoCdApp`, so the tree does not manage it).\n\n");
        }

        text.Append("3. Apply the bootstrap (the root's AppProject and the root Application); the only `kubectl apply` ever needed:\n\n");
        text.Append($"   ```sh\n   kubectl apply -f {repo.InRepo(TreeLayout.Bootstrap(cluster.Name))}\n   ```\n\n");
        text.Append("4. Log in and watch the apps arrive, wave by wave:\n\n");
        text.Append("   ```sh\n");
        text.Append($"   export ARGOCD_OPTS=\"--port-forward --port-forward-namespace {ArgoCdManifests.ArgoCdNamespace}\"\n");
        text.Append($"   argocd login --insecure --username admin --password \"$(argocd admin initial-password -n {ArgoCdManifests.ArgoCdNamespace} | head -n 1)\"\n");
        text.Append($"   argocd app wait {ArgoCdManifests.RootName} --sync --health --timeout 1800\n");
        text.Append("   argocd app list\n");
        text.Append("   ```\n\n");
        var apps = model.On(cluster).Select(p => $"`{p.App.Name}`");
        text.Append($"   `argocd app list` shows `{ArgoCdManifests.RootName}`, {string.Join(", ", apps)}, all Synced and Healthy.\n\n");
    }
}
