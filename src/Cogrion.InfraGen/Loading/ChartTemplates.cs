using System.Text;
using Cogrion.InfraGen.Diagnostics;

namespace Cogrion.InfraGen.Loading;

/// <summary>
/// Reads an app's hand-written templates, <c>model/charts/&lt;app&gt;/templates/</c>, while loading: line ends made
/// <c>\n</c> (a Windows checkout gives the same tree), each ending in one. Rendering only copies what this read.
/// </summary>
internal static class ChartTemplates
{
    /// <summary>The template InfraGen writes from an app's <see cref="App.Secrets"/>: no hand-written one may take its path.</summary>
    public const string ExternalSecretTemplate = "templates/externalsecret.yaml";

    public static List<ChartTemplate> Read(ModelPaths paths, App app, List<InfraDiagnostic> diagnostics)
    {
        var directory = paths.TemplatesDirectory(app.Name);
        var templates = new List<ChartTemplate>();
        if (!Directory.Exists(directory))
        {
            return templates;
        }

        var files = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        foreach (var relative in files)
        {
            var chartPath = "templates/" + relative;
            var source = Path.Combine(directory, relative);
            if (app.Secrets.Count > 0 && chartPath == ExternalSecretTemplate)
            {
                diagnostics.Add(ModelErrors.ChartFileConflict(app.Name, chartPath, new SourceLocation(source, 1)));
                continue;
            }

            var text = File.ReadAllText(source, Encoding.UTF8).ReplaceLineEndings("\n");
            if (text.Length > 0 && !text.EndsWith('\n'))
            {
                text += "\n";
            }

            templates.Add(new ChartTemplate(chartPath, text, source));
        }

        return templates;
    }
}
