using System.Text.RegularExpressions;
using Cogrion.InfraGen.EndToEnd.Support;

namespace Cogrion.InfraGen.EndToEnd;

/// <summary>
/// The seed's day-to-day flows with the installed tool on a git copy of this repository: CI pins dev (through the
/// reusable deploy workflow's own command), a human promotes to prod, a new region comes online. Each test leaves the
/// copy as it found it.
/// </summary>
[Collection(PackedRepositoryCollection.Name)]
public sealed class ReleaseFlowTests(PackedRepository packed)
{
    private const string NewTag = "sha-0123abc4567def";

    private string Repo => packed.Repo;

    [Fact]
    public void The_deploy_workflow_s_infragen_call_pins_dev_in_exactly_two_lines_and_a_latest_tag_changes_nothing()
    {
        var workflow = DeployWorkflow.Load(Path.Combine(Repo, ".github", "workflows", "deploy-dev.yml"));
        Assert.Equal("dev-sgp-1", workflow.Inputs["cluster"]);
        Assert.Equal(["app", "base", "cluster", "infra-repository", "tag"], workflow.Inputs.Keys.Order(StringComparer.Ordinal));
        Assert.All(workflow.Actions, a => Assert.Matches(@"^actions/(checkout|setup-dotnet)@v\d+$", a)); // First-party actions only.
        Assert.All(workflow.Scripts, s => PackedRepository.Succeeds(Command.Run("bash", ["-n", "-c", s], Repo))); // Each script parses.
        var command = Assert.Single(workflow.InfragenCommands(new Dictionary<string, string> { ["app"] = "control-plane", ["tag"] = NewTag }, Repo));
        Assert.Equal(["set-image", "--cluster", "dev-sgp-1", "--app", "control-plane", "--tag", NewTag], command);

        GitWorkspace.Ensure(Repo);
        try
        {
            var latest = packed.RunTool(Repo, "set-image", "--cluster", "dev-sgp-1", "--app", "control-plane", "--tag", "latest");
            Assert.True(latest.ExitCode == 2, latest.ToString());
            Assert.Contains("'latest' is not an image tag for --tag", latest.Error);
            Assert.Equal(string.Empty, GitWorkspace.Status(Repo));

            var deploy = packed.RunTool(Repo, command);

            Assert.True(deploy.ExitCode == 0, deploy.ToString());
            Assert.Equal("1\t1\tmodel/releases.yaml\n1\t1\tout/values/dev-sgp-1/control-plane.yaml\n", GitWorkspace.NumStat(Repo));
            var diff = GitWorkspace.Diff(Repo);
            Assert.Matches($@"\n-  control-plane: sha-[0-9a-f]+\n\+  control-plane: {NewTag}\n", diff);
            Assert.Matches($@"\n-  tag: sha-[0-9a-f]+\n\+  tag: {NewTag}\n", diff);
            Assert.DoesNotContain("??", GitWorkspace.Status(Repo)); // No file added anywhere.
        }
        finally
        {
            GitWorkspace.Reset(Repo);
        }
    }

    [Fact]
    public void Promote_copies_the_tag_to_prod_writes_the_summary_and_refuses_what_it_must()
    {
        GitWorkspace.Ensure(Repo);
        var summary = Path.Combine(packed.Root, "promote-body.md");
        var releases = File.ReadAllText(Path.Combine(Repo, "model", "releases.yaml"));
        var devTag = Tag(releases, "dev-sgp-1", "control-plane");
        var prodTag = Tag(releases, "prod-sgp-1", "control-plane");
        Assert.NotEqual(devTag, prodTag); // Otherwise there is nothing to promote and this test proves nothing.
        try
        {
            var promote = packed.RunTool(Repo, "promote", "--app", "control-plane", "--from", "dev-sgp-1", "--to", "prod-sgp-1", "--summary", summary);

            Assert.True(promote.ExitCode == 0, promote.ToString());
            Assert.Equal("1\t1\tmodel/releases.yaml\n1\t1\tout/values/prod-sgp-1/control-plane.yaml\n", GitWorkspace.NumStat(Repo));
            Assert.Contains($"+  tag: {devTag}\n", GitWorkspace.Diff(Repo));
            var body = File.ReadAllText(summary);
            Assert.StartsWith($"# Promote control-plane {devTag} from dev-sgp-1 to prod-sgp-1\n", body);
            Assert.Contains($"| control-plane | prod-sgp-1 | `{prodTag}` -> `{devTag}` |\n", body);
            Assert.Contains("- `prod-sgp-1` (prod, production): needs approval from @cogrion/platform-leads (CODEOWNERS)\n", body);
            Assert.Contains("## Files changed\n\n- `model/releases.yaml`\n- `out/values/prod-sgp-1/control-plane.yaml`\n", body);
            Assert.Contains("`infragen diff dev-sgp-1 prod-sgp-1 --app control-plane`:", body);
            Assert.Matches(@"\n    replicaCount +1 -> 2\n", body);
            var promoted = GitWorkspace.Status(Repo);

            var again = packed.RunTool(Repo, "promote", "--app", "control-plane", "--from", "dev-sgp-1", "--to", "prod-sgp-1", "--no-build");
            Assert.True(again.ExitCode == 0, again.ToString());
            Assert.Contains($"control-plane on prod-sgp-1 is already on {devTag}; nothing to do for it.", again.Output);

            (string[] Arguments, string Message)[] refusals =
            [
                (["--app", "control-plane", "--from", "dev-sgp-1", "--to", "prod-fra-1"], "no cluster 'prod-fra-1'; the clusters are dev-sgp-1, prod-sgp-1."),
                (["--app", "control-plane", "--from", "staging-sgp-1", "--to", "prod-sgp-1"], "no cluster 'staging-sgp-1'"),
                (["--app", "keycloak", "--from", "dev-sgp-1", "--to", "prod-sgp-1"], "app 'keycloak' has no image tag on cluster 'dev-sgp-1' to promote"),
                (["--app", "control-plane", "--from", "dev-sgp-1", "--to", "dev-sgp-1"], "--to dev-sgp-1 is the --from cluster"),
            ];
            foreach (var (arguments, message) in refusals)
            {
                var refused = packed.RunTool(Repo, ["promote", .. arguments, "--no-build"]);
                Assert.True(refused.ExitCode == 2, refused.ToString());
                Assert.Contains(message, refused.Error);
                Assert.Equal(promoted, GitWorkspace.Status(Repo));
            }
        }
        finally
        {
            GitWorkspace.Reset(Repo);
            File.Delete(summary);
        }
    }

    /// <summary>prod-fra-1 with the IDs Terraform made for it, as README "Add a region" declares it.</summary>
    private const string Fra1 =
        "            new Cluster(Envs.Prod, Regions.Fra1)\n"
        + "            {\n"
        + "                AwsAccountId = \"333333333333\",\n"
        + "                VpcId = \"vpc-33333333333333333\",\n"
        + "                IamRoles = new()\n"
        + "                {\n"
        + "                    [ExternalSecrets.App] = \"arn:aws:iam::333333333333:role/prod-fra-1-external-secrets\",\n"
        + "                    [LoadBalancerController.App] = \"arn:aws:iam::333333333333:role/prod-fra-1-aws-load-balancer-controller\",\n"
        + "                },\n"
        + "            },\n";

    private const string EndOfClusters = "        ],\n        Apps =";

    private static readonly string[] Apps =
        ["argocd", "aws-load-balancer-controller", "control-plane", "external-secrets", "ingress", "keycloak", "observability", "temporal"];

    [Fact]
    public void Adding_prod_fra_1_is_one_declaration_in_model_Estate_cs_then_one_promote_and_only_adds_files()
    {
        GitWorkspace.Ensure(Repo);
        var estate = Path.Combine(Repo, "model", "Estate.cs");
        var source = File.ReadAllText(estate);
        Assert.Contains(EndOfClusters, source);
        try
        {
            File.WriteAllText(estate, source.Replace(EndOfClusters, Fra1 + EndOfClusters, StringComparison.Ordinal));
            var line = source[..source.IndexOf(EndOfClusters, StringComparison.Ordinal)].Count(c => c == '\n') + 1;

            var declared = packed.RunTool(Repo, "generate");
            Assert.True(declared.ExitCode == 2, declared.ToString());
            Assert.Contains($"model/Estate.cs({line}): error INFRA1102: No image tag for app 'control-plane' on cluster 'prod-fra-1' in releases.yaml. Copy one from another cluster with `infragen promote --app control-plane --from prod-sgp-1 --to prod-fra-1`", declared.Error);

            var promote = packed.RunTool(Repo, "promote", "--app", "control-plane", "--app", "temporal", "--from", "prod-sgp-1", "--to", "prod-fra-1", "--no-build");
            Assert.True(promote.ExitCode == 0, promote.ToString());

            var status = GitWorkspace.Status(Repo).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(
                [" M .github/CODEOWNERS", " M model/Estate.cs", " M model/releases.yaml", " M out/.github/CODEOWNERS", " M out/README.md"],
                status.Where(s => !s.StartsWith("??", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
            // Only new files: the other clusters' bootstraps, Applications and values are byte-identical; of the shared files
            // only out/README.md and the CODEOWNERS files change, since they list every cluster.
            Assert.Equal(
                [.. Apps.Select(a => $"?? out/argocd/apps/prod-fra-1/{a}.yaml"),
                 "?? out/argocd/bootstrap/prod-fra-1.yaml",
                 "?? out/aws/prod-fra-1/external-secrets-policy.json",
                 .. Apps.Select(a => $"?? out/values/prod-fra-1/{a}.yaml")],
                status.Where(s => s.StartsWith("??", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
            Assert.Contains("+/out/values/prod-fra-1/ @cogrion/platform-leads\n", GitWorkspace.Diff(Repo));

            var check = packed.RunTool(Repo, "check", "--no-build");
            Assert.True(check.ExitCode == 0, check.ToString());
            var secrets = packed.RunTool(Repo, "secrets", "--cluster", "prod-fra-1", "--no-build");
            Assert.True(secrets.ExitCode == 0, secrets.ToString());
            Assert.Contains("prod-fra-1 (AWS region eu-central-1): 7 key(s)", secrets.Output);
            Assert.Contains("  cogrion/prod/fra-1/database-url ", secrets.Output);
        }
        finally
        {
            GitWorkspace.Reset(Repo);
        }
    }

    [Fact]
    public void Removing_an_app_needs_a_retirement_record_and_then_removes_its_files()
    {
        GitWorkspace.Ensure(Repo);
        var estate = Path.Combine(Repo, "model", "Estate.cs");
        var source = File.ReadAllText(estate);
        const string Observability = " Observability.App,";
        Assert.Contains(Observability, source);
        try
        {
            File.WriteAllText(estate, source.Replace(Observability, "", StringComparison.Ordinal));

            var refused = packed.RunTool(Repo, "generate");
            Assert.True(refused.ExitCode == 2, refused.ToString());
            Assert.Contains("error INFRA1014: App 'observability' is no longer in the model, so this run would remove its Applications on dev-sgp-1, prod-sgp-1: once pushed, Argo CD prunes them and deletes everything deployed from them", refused.Error);
            Assert.Equal([" M model/Estate.cs"], GitWorkspace.Status(Repo).Split('\n', StringSplitOptions.RemoveEmptyEntries));

            var check = packed.RunTool(Repo, "check", "--no-build");
            Assert.Contains("  removed  out/argocd/apps/dev-sgp-1/observability.yaml  (app 'observability' is no longer in the model and has no retirement record", check.Output);

            File.WriteAllText(estate, source.Replace(Observability, "", StringComparison.Ordinal)
                .Replace("        ArgoCdApp =", "        Retired = [new Retirement(\"observability\", \"replaced by the managed service\")],\n        ArgoCdApp =", StringComparison.Ordinal));
            var retired = packed.RunTool(Repo, "generate");
            Assert.True(retired.ExitCode == 0, retired.ToString());
            Assert.Contains("  removed  argocd/apps/prod-sgp-1/observability.yaml  (app 'observability' retired: \"replaced by the managed service\"", retired.Output);

            var status = GitWorkspace.Status(Repo).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Contains(" D out/argocd/apps/dev-sgp-1/observability.yaml", status);
            Assert.Contains(" D out/values/prod-sgp-1/observability.yaml", status);
            Assert.Contains(" D out/charts/observability/Chart.yaml", status);
            Assert.DoesNotContain(status, s => s.Contains("out/argocd/bootstrap/", StringComparison.Ordinal));
            Assert.True(packed.RunTool(Repo, "check", "--no-build").ExitCode == 0);
        }
        finally
        {
            GitWorkspace.Reset(Repo);
        }
    }

    private static string Tag(string releases, string cluster, string app) =>
        Regex.Match(releases, $@"(?m)^{Regex.Escape(cluster)}:\n(?:  .*\n)*?  {Regex.Escape(app)}: (sha-[0-9a-f]+)").Groups[1].Value;
}
