using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Loading;

namespace Cogrion.InfraGen.Rendering;

/// <summary>A chart's files: generated <c>Chart.yaml</c>, <c>values.yaml</c>, <c>values.schema.json</c> and ExternalSecret, and the hand-written templates.</summary>
public static class ChartFiles
{
    /// <summary>The template InfraGen writes from an app's <see cref="App.Secrets"/>.</summary>
    public const string ExternalSecretTemplate = ChartTemplates.ExternalSecretTemplate;

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

    /// <summary>The Helm expression that reads a supplied value: <c>{{ .Values.global.region }}</c>.</summary>
    private static string Supplied(string key) => $"{{{{ .Values.{SuppliedValues.GlobalKey}.{key} }}}}";

    /// <summary>
    /// The ExternalSecret for an app's secrets. Remote keys come from the estate's convention applied to Helm
    /// expressions over the values InfraGen supplies (<see cref="SuppliedValues"/>), so the one chart serves every
    /// cluster (the seed's template, generated).
    /// </summary>
    public static DocMap ExternalSecret(Estate estate, App app)
    {
        var secretName = app.SecretName;
        var data = new DocSeq();
        foreach (var secret in app.Secrets)
        {
            var key = estate.SecretKey(Supplied(SuppliedValues.EnvironmentKey), Supplied(SuppliedValues.RegionKey), secret.RemoteName);
            data.Add(new DocMap { { "secretKey", secret.SecretKey }, { "remoteRef", new DocMap { { "key", key } } } });
        }

        return new DocMap
        {
            { "apiVersion", "external-secrets.io/v1" },
            { "kind", "ExternalSecret" },
            { "metadata", new DocMap { { "name", secretName } } },
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

    /// <summary>A hand-written template as the tree holds it: with a do-not-edit comment on top where Helm allows comments.</summary>
    public static string Commented(ChartTemplate template, string shownSource)
    {
        var path = template.ChartPath;
        var commented = path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".yml", StringComparison.Ordinal)
            || path.EndsWith(".tpl", StringComparison.Ordinal) || path.EndsWith(".txt", StringComparison.Ordinal);
        return commented ? FileHeader.HelmComment(shownSource) + template.Text : template.Text;
    }
}
