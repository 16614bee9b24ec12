using System.Text;
using Cogrion.InfraGen.Inspection;
using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Releasing;

namespace Cogrion.InfraGen.Hosting;

/// <summary>
/// The Markdown body of a promotion pull request (<c>promote --summary</c>): the apps and their old -> new tags, the
/// clusters affected with who must approve them, the files changed, and <c>infragen diff</c> of the source and each
/// target cluster for those apps, after the promotion (so what is left is what differs on purpose).
/// </summary>
internal static class PromotionSummary
{
    public static string Render(ReleaseUpdateResult result, string from, string command, ModelPaths paths)
    {
        var model = result.Model;
        var edits = result.Edits;
        var apps = edits.Select(e => e.App).Distinct(StringComparer.Ordinal).ToList();
        var targets = edits.Select(e => e.Cluster).Distinct(StringComparer.Ordinal).ToList();
        var tags = edits.Select(e => e.NewTag).Distinct().ToList();
        var outName = CheckCommand.OutName(paths);

        var text = new StringBuilder();
        var what = apps.Count == 1 && tags.Count == 1 ? $"{apps[0]} {tags[0]}" : string.Join(", ", apps);
        text.Append($"# Promote {what} from {from} to {string.Join(", ", targets)}\n\n");
        text.Append($"`{command}` copies the image tag in `{paths.Display(paths.ReleasesFile)}` and regenerates `{outName}/`.\n\n");

        text.Append("| App | Cluster | Tag |\n|---|---|---|\n");
        foreach (var edit in edits)
        {
            var old = edit.OldTag is { } tag ? $"`{tag}`" : "(none)";
            text.Append($"| {edit.App} | {edit.Cluster} | {old} -> `{edit.NewTag}` |\n");
        }

        text.Append("\n## Clusters affected\n\n");
        foreach (var target in targets)
        {
            var env = model.Clusters.First(c => c.Name == target).Env;
            var approval = env.Approvers.Count > 0
                ? $"needs approval from {string.Join(", ", env.Approvers)} (CODEOWNERS)"
                : "no approvers named: merges on green checks";
            text.Append($"- `{target}` ({env.Name}{(env.IsProduction ? ", production" : string.Empty)}): {approval}\n");
        }

        text.Append("\n## Files changed\n\n");
        text.Append($"- `{paths.Display(paths.ReleasesFile)}`\n");
        foreach (var path in result.Written.Written.Concat(result.Written.Published))
        {
            text.Append($"- `{CheckCommand.Shown(outName, path)}`\n");
        }

        var source = model.Clusters.First(c => c.Name == from);
        foreach (var target in targets)
        {
            var cluster = model.Clusters.First(c => c.Name == target);
            var appArguments = string.Join(' ', apps.Select(a => $"--app {a}"));
            var diff = new StringWriter { NewLine = "\n" };
            DiffCommand.Print(ClusterComparison.Compare(model, result.Tree, source, cluster, apps), from, target, all: false, diff);
            text.Append($"\n## How {target} differs from {from} now\n\n`infragen diff {from} {target} {appArguments}`:\n\n```text\n{diff.ToString().Trim('\n')}\n```\n");
        }

        return text.ToString();
    }

    /// <summary>The preview section: what the promotion changes on the target clusters, Helm-rendered (HEAD -> the promotion).</summary>
    public static string ClusterPreview(IInfraCatalog catalog, ModelPaths paths, ReleaseUpdateResult result, Rendered.RenderOptions render)
    {
        var targets = result.Edits.Select(e => e.Cluster).ToHashSet(StringComparer.Ordinal);
        var report = InfraGen.Preview.PreviewRun.Run(catalog, paths, InfraGen.Preview.PreviewOptions.For("HEAD", render));
        return InfraGen.Preview.PreviewMarkdown.Write(report with { Changes = [.. report.Changes.Where(c => targets.Contains(c.Cluster))] });
    }
}
