using System.Text.RegularExpressions;
using Cogrion.InfraGen.Diagnostics;

namespace Cogrion.InfraGen.Loading;

/// <summary>
/// INFRA1024: the Terraform inputs each cluster declares (AWS account, VPC, IAM role ARNs) are well-formed, every role
/// belongs to the cluster's account, and every role is keyed by an app of the estate. Whether an app that needs an
/// input has it is found when its values read it (INFRA1023, <see cref="MissingClusterInputException"/>).
/// </summary>
internal static partial class ClusterInputs
{
    public static void Check(IEnumerable<Cluster> clusters, IReadOnlyCollection<App> apps, List<InfraDiagnostic> diagnostics)
    {
        foreach (var cluster in clusters)
        {
            void Bad(string input, string value, string problem) =>
                diagnostics.Add(ModelErrors.BadClusterInput(cluster.Name, input, value, problem, cluster.DeclaredAt));

            // \z, not $: $ also matches before a final line break, and "111111111111\n" would reach the IAM policy's ARNs.
            var accountIsValid = cluster.AwsAccountId is not { } account || AccountId().IsMatch(account);
            if (!accountIsValid)
            {
                Bad("AwsAccountId", cluster.AwsAccountId!, "an AWS account ID is exactly 12 digits");
            }

            if (cluster.VpcId is { } vpc && !VpcId().IsMatch(vpc))
            {
                Bad("VpcId", vpc, "a VPC ID is 'vpc-' and 8 or 17 lower-case hex digits");
            }

            foreach (var (app, arn) in cluster.IamRoles)
            {
                var input = $"IamRoles[{app.Name}]";
                if (!apps.Contains(app))
                {
                    Bad(input, arn, $"app '{app.Name}' is not in the estate's Apps");
                }
                else if (RoleArn().Match(arn) is not { Success: true } match)
                {
                    Bad(input, arn, "an IAM role ARN is arn:aws:iam::<12-digit account>:role/<name> (arn:aws-cn or arn:aws-us-gov in those partitions)");
                }
                else if (cluster.AwsAccountId is null)
                {
                    Bad(input, arn, $"the cluster declares no AwsAccountId to check it against; set AwsAccountId = \"{match.Groups["account"].Value}\" if that is its account");
                }
                else if (accountIsValid && match.Groups["account"].Value != cluster.AwsAccountId)
                {
                    Bad(input, arn, $"the role is in account {match.Groups["account"].Value}, the cluster in {cluster.AwsAccountId} (AwsAccountId); IAM roles for service accounts must be in the cluster's account");
                }
            }
        }
    }

    [GeneratedRegex(@"^[0-9]{12}\z", RegexOptions.CultureInvariant)]
    private static partial Regex AccountId();

    [GeneratedRegex(@"^vpc-(?:[0-9a-f]{8}|[0-9a-f]{17})\z", RegexOptions.CultureInvariant)]
    private static partial Regex VpcId();

    [GeneratedRegex(@"^arn:aws(?:-cn|-us-gov)?:iam::(?<account>[0-9]{12}):role/(?:[A-Za-z0-9_+=,.@-]+/)*[A-Za-z0-9_+=,.@-]{1,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex RoleArn();
}
