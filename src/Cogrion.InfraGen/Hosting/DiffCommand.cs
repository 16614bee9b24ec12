using System.CommandLine;
using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Inspection;
using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Pipeline;

namespace Cogrion.InfraGen.Hosting;

/// <summary><c>diff &lt;cluster-a&gt; &lt;cluster-b&gt;</c>: how two clusters' apps differ, in effective values and Applications.</summary>
internal sealed class DiffCommand : InfraGenVerb
{
    private readonly Argument<string> _left = new("cluster-a") { Description = "The cluster to compare from (say, dev-sgp-1)." };
    private readonly Argument<string> _right = new("cluster-b") { Description = "The cluster to compare to (say, prod-sgp-1)." };
    private readonly Option<string[]> _apps = new("--app") { Description = "Only this app's files (not the clusters' own); repeat for several." };
    private readonly Option<bool> _all = new("--all") { Description = "Also list the values that differ only by the clusters' own names (cluster, env, region)." };

    public DiffCommand()
        : base("diff", "Show how two clusters differ, file by file: their own files (bootstrap, root, …), then each app's effective values (chart defaults merged with each cluster's values file), Argo CD Application and any other file. Differences that only swap the clusters' names (paths, domains, buckets) are counted, not listed, unless --all; an environment or a region itself (dev against prod) is a real difference.")
    {
        Command.Arguments.Add(_left);
        Command.Arguments.Add(_right);
        Command.Options.Add(_apps);
        Command.Options.Add(_all);
    }

    public override int Run(ParseResult parse, VerbContext context) => WithPaths(parse, context, paths =>
    {
        var model = ModelLoader.Load(context.Catalog, paths);
        var names = new EstateNames("diff");
        var left = names.Cluster(model.Clusters, parse.GetValue(_left)!);
        var right = names.Cluster(model.Clusters, parse.GetValue(_right)!);
        var apps = parse.GetValue(_apps) ?? [];
        foreach (var app in apps)
        {
            names.App(model.Apps, app);
        }

        names.ThrowIfUnknown();
        var differences = ClusterComparison.Compare(model, InfraPipeline.Render(model), left!, right!, apps);
        Print(differences, left!.Name, right!.Name, parse.GetValue(_all), context.Output);
        return ExitCodes.Ok;
    });

    /// <summary>The comparison as <c>diff</c> prints it (the promotion summary quotes it too).</summary>
    internal static void Print(ClusterDifferences differences, string left, string right, bool all, TextWriter output) =>
        DiffReport.Print(differences, left, right, all, output);
}
