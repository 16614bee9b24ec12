using Cogrion.Infra;
using Cogrion.InfraGen.Generated;
using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Tests.Support;
using Cogrion.InfraGen.Tests.Walkthroughs;

namespace Cogrion.InfraGen.Tests.Platform;

/// <summary>
/// The per-cluster inputs Terraform creates (AWS account, VPC, IAM role ARNs) are typed properties of the cluster: a
/// missing one is INFRA1023 at the cluster's line naming the app that needs it, a malformed one INFRA1024; out/ stays.
/// </summary>
public sealed class TerraformInputTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void INFRA1023_a_cluster_without_the_role_an_app_reads_is_reported_at_the_cluster_naming_the_app()
    {
        var paths = ModelCopy.Create(_temp, "missing");
        Assert.Equal(0, HostRun.Generate(new InfraCatalog(), paths).ExitCode);
        var before = TempDirectory.Snapshot(paths.OutDirectory);
        var bare = AddRegionTests.Fra1() with { IamRoles = new(), VpcId = null };
        var catalog = RealCatalog.With(e => e with { Clusters = [.. e.Clusters, bare] });

        var run = HostRun.Generate(catalog, paths);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"AddRegionTests.cs({bare.DeclaredAt.Line}): error INFRA1023: Cluster 'prod-fra-1' declares no IAM role for app 'external-secrets' (IamRoles), which app 'external-secrets' needs. Terraform creates it", run.Error);
        Assert.Contains("error INFRA1023: Cluster 'prod-fra-1' declares no VpcId, which app 'aws-load-balancer-controller' needs.", run.Error);
        Assert.Equal(before, TempDirectory.Snapshot(paths.OutDirectory));
    }

    [Fact]
    public void INFRA1024_a_role_without_the_clusters_account()
    {
        var estate = new InfraCatalog().CreateModel().Define();
        var noAccount = AddRegionTests.Fra1() with { AwsAccountId = null, IamRoles = new() { [LoadBalancerController.App] = "arn:aws:iam::333333333333:role/x" } };

        var error = ModelRejection.Run(_temp, estate with { Clusters = [.. estate.Clusters, noAccount] }, exitCode: 2);

        Assert.Contains("error INFRA1024: Cluster 'prod-fra-1' IamRoles[aws-load-balancer-controller] 'arn:aws:iam::333333333333:role/x' is not allowed: the cluster declares no AwsAccountId to check it against", error);
    }

    [Theory]
    [InlineData("AwsAccountId", "12345", "an AWS account ID is exactly 12 digits")]
    [InlineData("VpcId", "vpc-XYZ", "a VPC ID is 'vpc-' and 8 or 17 lower-case hex digits")]
    [InlineData("IamRoles[external-secrets]", "arn:aws:iam::444444444444:role/prod-fra-1-external-secrets", "the role is in account 444444444444, the cluster in 333333333333 (AwsAccountId)")]
    [InlineData("IamRoles[external-secrets]", "arn:aws:iam::333333333333:user/someone", "an IAM role ARN is arn:aws:iam::<12-digit account>:role/<name>")]
    // A final line break passed `$` and reached the IAM policy's ARNs: `\z` ends the value.
    [InlineData("AwsAccountId", "333333333333\n", "an AWS account ID is exactly 12 digits")]
    [InlineData("VpcId", "vpc-33333333333333333\n", "a VPC ID is 'vpc-' and 8 or 17 lower-case hex digits")]
    [InlineData("IamRoles[external-secrets]", "arn:aws:iam::333333333333:role/prod-fra-1-external-secrets\n", "an IAM role ARN is arn:aws:iam::<12-digit account>:role/<name>")]
    public void INFRA1024_a_malformed_input_is_reported_at_the_cluster(string input, string value, string problem)
    {
        var estate = new InfraCatalog().CreateModel().Define();
        var fra1 = AddRegionTests.Fra1();
        fra1 = input switch
        {
            "AwsAccountId" => fra1 with { AwsAccountId = value },
            "VpcId" => fra1 with { VpcId = value },
            _ => fra1 with { IamRoles = new() { [ExternalSecrets.App] = value, [LoadBalancerController.App] = fra1.IamRoles[LoadBalancerController.App] } },
        };

        var error = ModelRejection.Run(_temp, estate with { Clusters = [.. estate.Clusters, fra1] }, exitCode: 2);

        Assert.Contains($"error INFRA1024: Cluster 'prod-fra-1' {input} {ImageTag.Quote(value)} is not allowed: {problem}", error);

        // One error for one wrong input: a malformed account is not also compared with each role's account.
        Assert.Single(error.Split('\n'), l => l.Contains("error INFRA1024", StringComparison.Ordinal));
    }

    [Fact]
    public void A_role_keyed_by_an_app_outside_the_estate_is_INFRA1024()
    {
        var estate = new InfraCatalog().CreateModel().Define();
        var withoutController = estate with { Apps = [.. estate.Apps.Where(a => a != LoadBalancerController.App && a != Ingress.App)] };

        var error = ModelRejection.Run(_temp, withoutController, exitCode: 2);

        Assert.Contains("error INFRA1024: Cluster 'dev-sgp-1' IamRoles[aws-load-balancer-controller] 'arn:aws:iam::111111111111:role/dev-sgp-1-aws-load-balancer-controller' is not allowed: app 'aws-load-balancer-controller' is not in the estate's Apps", error);
    }

    public void Dispose() => _temp.Dispose();
}
