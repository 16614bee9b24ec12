using System.Text;
using Cogrion.InfraGen.Loading;

namespace Cogrion.InfraGen.Rendering;

/// <summary>
/// The generated CODEOWNERS: each tier's approvers own every file that changes what runs on the tier's clusters (its
/// Argo CD files and values files), and the charts, which run on every cluster. Paths are repository paths (the
/// tree's <see cref="GitRepo.TreePath"/> in front), since GitHub resolves them from the repository root.
/// </summary>
/// <remarks>
/// <c>model/releases.yaml</c> and the rest of <c>model/</c> get no owner on purpose: CI's drift check makes every
/// change there arrive together with the generated files it changes, and those are owned here. So a dev tag needs
/// nobody's approval, and a prod tag needs prod's.
/// </remarks>
public static class CodeOwnersFile
{
    /// <summary>The file's text, or null when no tier names approvers.</summary>
    public static string? Render(ResolvedEstate model)
    {
        var repo = model.Estate.Repo;
        var tiers = model.Clusters.GroupBy(c => c.Env.Name, StringComparer.Ordinal)
            .Where(t => t.First().Env.Approvers.Count > 0)
            .OrderBy(t => t.Key, StringComparer.Ordinal)
            .ToList();
        if (tiers.Count == 0)
        {
            return null;
        }

        string Path(string treePath) => "/" + repo.InRepo(treePath);
        var everyApprover = string.Join(' ', tiers.SelectMany(t => t.First().Env.Approvers).Distinct(StringComparer.Ordinal));
        var readFrom = repo.TreePath.Trim('/').Length == 0 ? TreeLayout.CodeOwners : repo.CodeOwnersPath;
        var where = readFrom is null
            ? $"GitHub does not read this copy (it reads CODEOWNERS only at the repository's root, .github/ or docs/); set Repo.CodeOwnersPath to have InfraGen write one there."
            : $"GitHub reads it at {readFrom} of the repository.";

        var text = new StringBuilder();
        var header = FileHeader.Text(
            $"Code owners: who must approve a change, from the Approvers of each environment tier. {where}",
            ["the Approvers of the environment tiers (Env) in the model"]);
        foreach (var line in header.Split('\n'))
        {
            text.Append("# ").Append(line).Append('\n');
        }

        text.Append("# model/ has no owner: CI's drift check makes a change there arrive with the generated files it changes, owned below.\n");
        foreach (var tier in tiers)
        {
            var env = tier.First().Env;
            var owners = string.Join(' ', env.Approvers);
            text.Append($"\n# {env.Name}{(env.IsProduction ? " (production)" : string.Empty)}: the Argo CD files and values of its clusters.\n");
            foreach (var cluster in tier.OrderBy(c => c.Name, StringComparer.Ordinal))
            {
                text.Append($"{Path(TreeLayout.AppsDirectory(cluster.Name))}/ {owners}\n");
                text.Append($"{Path(TreeLayout.Bootstrap(cluster.Name))} {owners}\n");
                text.Append($"{Path(TreeLayout.Root(cluster.Name))} {owners}\n");
                text.Append($"{Path(TreeLayout.ValuesDirectory(cluster.Name))}/ {owners}\n");
            }
        }

        text.Append("\n# Charts run on every cluster: the approvers of every tier own them.\n");
        text.Append($"{Path(TreeLayout.ChartsDirectory)}/ {everyApprover}\n");
        AppendNarrowCharts(model, text, Path);
        text.Append("\n# Who approves is approved by them.\n");
        text.Append($"{Path(TreeLayout.CodeOwners)} {everyApprover}\n");
        if (repo.TreePath.Trim('/').Length > 0 && repo.CodeOwnersPath is { } published)
        {
            text.Append($"/{published} {everyApprover}\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// The charts of apps that run on some tiers only (<see cref="App.RunsOn"/>): owned by the approvers of those tiers
    /// alone, so a chart running only in dev needs nobody's approval (a path with no owners is GitHub's way to say so).
    /// </summary>
    private static void AppendNarrowCharts(ResolvedEstate model, StringBuilder text, Func<string, string> path)
    {
        var everyTier = model.Clusters.Select(c => c.Env.Name).ToHashSet(StringComparer.Ordinal);
        var narrow = model.Apps
            .Select(a => (App: a, Envs: model.ClustersOf(a).Select(c => c.Env).DistinctBy(e => e.Name).OrderBy(e => e.Name, StringComparer.Ordinal).ToList()))
            .Where(a => a.Envs.Count < everyTier.Count)
            .ToList();
        if (narrow.Count == 0)
        {
            return;
        }

        text.Append("\n# Charts of apps on some tiers only: the approvers of those tiers own them.\n");
        foreach (var (app, envs) in narrow)
        {
            var owners = string.Join(' ', envs.SelectMany(e => e.Approvers).Distinct(StringComparer.Ordinal));
            text.Append($"{path(TreeLayout.ChartDirectory(app.Name))}/{(owners.Length == 0 ? string.Empty : " " + owners)}\n");
        }
    }
}
