using System.Text;
using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Loading;

namespace Cogrion.InfraGen.Rendering;

/// <summary>A chart's files: generated <c>Chart.yaml</c>, <c>values.yaml</c>, <c>values.schema.json</c> and ExternalSecret, and the hand-written templates.</summary>
public static class ChartFiles
{
    /// <summary>The template InfraGen writes from an app's <see cref="App.Secrets"/>.</summary>
    public const string ExternalSecretTemplate = "templates/externalsecret.yaml";

    /// <summary><c>Chart.yaml</c> (Helm chart API v2).</summary>
    public static DocMap ChartManifest(App app)
    {
        var chart = new DocMap
        {
            { "apiVersion", "v2" },
            { "name", app.Name },
            { "description", app.Chart.Description },
            { "type", "application" },
            { "version", app.Chart.Version },
        };
        chart.AddIfNotNull("appVersion", app.Chart.AppVersion);
        if (app.Chart.Dependencies.Count > 0)
        {
            var dependencies = new DocSeq();
            foreach (var dependency in app.Chart.Dependencies)
            {
                var node = new DocMap
                {
                    { "name", dependency.Name },
                    { "version", dependency.Version },
                    { "repository", dependency.Repository },
                };
                node.AddIfNotNull("alias", dependency.Alias);
                dependencies.Add(node);
            }

            chart.Add("dependencies", dependencies);
        }

        return chart;
    }

    /// <summary>The notes of a chart that has no template of its own (all its objects come from its dependencies).</summary>
    public const string NotesTemplate = "templates/NOTES.txt";

    /// <summary>The text of <see cref="NotesTemplate"/>: what <c>helm install</c> would print; Argo CD never shows it.</summary>
    public static string Notes(App app, string appFile) =>
        FileHeader.HelmComment(appFile) + $"{app.Name}: every object of this chart comes from its dependencies (Chart.yaml); Argo CD deploys it from the cogrion-infra repository.\n";

    /// <summary>The Kubernetes Secret an app's ExternalSecret writes.</summary>
    public static string SecretName(App app) => $"{app.Name}-secrets";

    /// <summary>
    /// The ExternalSecret for an app's secrets. Remote keys come from the estate's convention applied to Helm
    /// expressions, so the one chart serves every cluster (the seed's template, generated).
    /// </summary>
    public static DocMap ExternalSecret(Estate estate, App app)
    {
        var secretName = SecretName(app);
        var data = new DocSeq();
        foreach (var secret in app.Secrets)
        {
            var key = estate.SecretKey("{{ .Values.global.environment }}", "{{ .Values.global.region }}", secret.RemoteName);
            data.Add(new DocMap { { "secretKey", secret.SecretKey }, { "remoteRef", new DocMap { { "key", key } } } });
        }

        return new DocMap
        {
            { "apiVersion", "external-secrets.io/v1" },
            { "kind", "ExternalSecret" },
            {
                // Argo CD's dry run of a first sync cannot know the kind before External Secrets' CRDs exist.
                "metadata", new DocMap
                {
                    { "name", secretName },
                    { "annotations", new DocMap { { ArgoCdManifests.SyncOptionsAnnotation, "SkipDryRunOnMissingResource=true" } } },
                }
            },
            {
                "spec", new DocMap
                {
                    { "refreshInterval", estate.SecretRefreshInterval },
                    { "secretStoreRef", new DocMap { { "name", estate.SecretStore }, { "kind", "ClusterSecretStore" } } },
                    { "target", new DocMap { { "name", secretName } } },
                    { "data", data },
                }
            },
        };
    }

    /// <summary>
    /// The hand-written templates under <c>model/charts/&lt;app&gt;/templates/</c>, relative to the chart directory,
    /// with line ends made <c>\n</c> (a Windows checkout gives the same tree) and a do-not-edit comment on top.
    /// </summary>
    public static IEnumerable<(string RelativePath, string Text, string Source)> Templates(ModelPaths paths, App app, bool storesSecrets, List<InfraDiagnostic> diagnostics)
    {
        var directory = paths.TemplatesDirectory(app.Name);
        if (!Directory.Exists(directory))
        {
            yield break;
        }

        var files = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        foreach (var relative in files)
        {
            var chartPath = "templates/" + relative;
            var source = paths.Display(Path.Combine(directory, relative));
            if ((app.Secrets.Count > 0 && chartPath == ExternalSecretTemplate) || (storesSecrets && chartPath == SecretStoreChart.TemplatePath))
            {
                var from = chartPath == ExternalSecretTemplate ? "the app's Secrets" : "Estate.SecretStoreApp";
                diagnostics.Add(ModelErrors.ChartFileConflict(app.Name, chartPath, from, new SourceLocation(Path.Combine(directory, relative), 1)));
                continue;
            }

            var text = File.ReadAllText(Path.Combine(directory, relative), Encoding.UTF8).ReplaceLineEndings("\n");
            if (text.Length > 0 && !text.EndsWith('\n'))
            {
                text += "\n";
            }

            var commented = relative.EndsWith(".yaml", StringComparison.Ordinal) || relative.EndsWith(".yml", StringComparison.Ordinal)
                || relative.EndsWith(".tpl", StringComparison.Ordinal) || relative.EndsWith(".txt", StringComparison.Ordinal);
            yield return (chartPath, commented ? FileHeader.HelmComment(source) + text : text, source);
        }
    }
}
