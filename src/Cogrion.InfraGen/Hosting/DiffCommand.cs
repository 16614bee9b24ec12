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
    private readonly Option<string[]> _apps = new("--app") { Description = "Only this app; repeat for several." };
    private readonly Option<bool> _all = new("--all") { Description = "Also list the values that differ only by the clusters' own names (cluster, env, region)." };

    public DiffCommand()
        : base("diff", "Show how two clusters' apps differ: effective values (chart defaults merged with each cluster's values file) and Argo CD Applications, app by app. Differences that only swap the clusters' names are counted, not listed, unless --all.")
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
    internal static void Print(IReadOnlyList<AppDifferences> apps, string left, string right, bool all, TextWriter output)
    {
        output.WriteLine($"infragen diff {left} {right}: effective values (chart defaults + the cluster's values file) and Argo CD Applications.");
        foreach (var app in apps)
        {
            output.WriteLine();
            // Application keys are named as such: `spec.source…` is not a values key.
            var namesOnly = app.Values.Where(d => d.NamesOnly).Select(d => d.Path)
                .Concat(app.Application.Where(d => d.NamesOnly).Select(d => $"application {d.Path}")).ToList();
            output.WriteLine(app.Differs ? app.App : $"{app.App}: same{(namesOnly.Count > 0 ? " but for the clusters' names" : string.Empty)}");
            PrintSection("values", app.Values, all, output);
            PrintSection("application", app.Application, all, output);
            if (!all && namesOnly.Count > 0)
            {
                output.WriteLine($"  only the clusters' names differ ({namesOnly.Count}, --all lists them): {string.Join(", ", namesOnly)}");
            }
        }

        output.WriteLine();
        output.WriteLine($"{apps.Count(a => a.Differs)} of {apps.Count} app(s) differ between {left} and {right}.");
    }

    private static void PrintSection(string title, IReadOnlyList<ValueDifference> differences, bool all, TextWriter output)
    {
        var shown = differences.Where(d => all || !d.NamesOnly).ToList();
        if (shown.Count == 0)
        {
            return;
        }

        output.WriteLine($"  {title}:");
        var width = Math.Min(48, shown.Max(d => d.Path.Length));
        foreach (var difference in shown)
        {
            var mark = difference.NamesOnly ? " (names only)" : string.Empty;
            output.WriteLine($"    {difference.Path.PadRight(width)}  {difference.Left ?? "(absent)"} -> {difference.Right ?? "(absent)"}{mark}");
        }
    }
}
