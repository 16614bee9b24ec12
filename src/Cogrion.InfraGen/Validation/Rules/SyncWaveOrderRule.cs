using System.Globalization;
using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Rendering;

namespace Cogrion.InfraGen.Validation.Rules;

/// <summary>
/// INFRA2111: on each cluster, an app's Argo CD sync wave is greater than the wave of every app it depends on.
/// Strict order along every dependency makes a cycle impossible: a cycle would need a wave greater than itself.
/// </summary>
public sealed class SyncWaveOrderRule : ITreeRule
{
    private const string WaveAnnotation = "argocd.argoproj.io/sync-wave";
    private static readonly string[] WavePath = ["metadata", "annotations", WaveAnnotation];

    public IEnumerable<InfraDiagnostic> Check(TreeFacts facts)
    {
        var children = facts.Applications().Where(a => a.File.Kind == FileKind.Application && a.File.App is not null);
        foreach (var cluster in children.GroupBy(a => a.File.Cluster?.Name ?? "?", StringComparer.Ordinal))
        {
            var waves = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (file, application) in cluster)
            {
                var text = DocPointer.String(application, WavePath);
                if (text is not null && !int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
                {
                    yield return ValidationErrors.SyncWaveOrder(cluster.Key, file.App!.Name, string.Join(", ", Dependencies(file.App)), $"its sync wave '{text}' is not an integer",
                        TreeFacts.OriginOf(file, application, WavePath), file.Path, DocPointer.Format(WavePath));
                    continue;
                }

                waves[file.App!.Name] = text is null ? 0 : int.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            }

            foreach (var (file, application) in cluster)
            {
                var app = file.App!;
                if (!waves.TryGetValue(app.Name, out var wave))
                {
                    continue;
                }

                foreach (var dependency in app.DependsOn.OfType<App>().Select(d => d.Name).Where(waves.ContainsKey))
                {
                    if (wave <= waves[dependency])
                    {
                        yield return ValidationErrors.SyncWaveOrder(cluster.Key, app.Name, dependency,
                            $"it syncs in wave {wave} and '{dependency}' in wave {waves[dependency]}",
                            TreeFacts.OriginOf(file, application, WavePath), file.Path, Pointer(application));
                    }
                }
            }
        }
    }

    private static IEnumerable<string> Dependencies(App app) =>
        app.DependsOn.Count > 0 ? app.DependsOn.OfType<App>().Select(d => d.Name) : ["nothing"];

    private static string Pointer(DocMap application) =>
        DocPointer.Find(application, WavePath) is null ? "/metadata" : DocPointer.Format(WavePath);
}
