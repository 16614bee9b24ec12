using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Documents;

namespace Cogrion.InfraGen.Loading;

/// <summary>
/// An app's values on one cluster: its values function run with the cluster and the cluster's image tag, the values
/// InfraGen supplies added, and the cluster's file split off the chart defaults.
/// </summary>
internal sealed class ClusterValues(Releases releases, IReadOnlyList<Cluster> clusters, List<InfraDiagnostic> diagnostics)
{
    /// <summary>The (cluster, app) pairs whose values read an image tag.</summary>
    public HashSet<(string Cluster, string App)> TagsRead { get; } = [];

    /// <summary>The app on the cluster, or null when its values failed (the diagnostics say why).</summary>
    public AppOnCluster? Build(Cluster cluster, App app, SyncPolicy policy, DocMap defaults)
    {
        var context = new AppContext(cluster, app, () =>
        {
            lock (TagsRead)
            {
                TagsRead.Add((cluster.Name, app.Name));
            }

            return releases.Find(cluster.Name, app.Name)?.Tag ?? throw new MissingReleaseException(MissingRelease(cluster, app));
        });

        try
        {
            var values = app.ValuesFor(context);
            if (values is null)
            {
                diagnostics.Add(ModelErrors.NoValues(app.Name, cluster.Name, app.DeclaredAt));
                return null;
            }

            var effective = SuppliedGlobals.Supply(values.ToValuesDocument(), context, diagnostics);
            return effective is null ? null : new AppOnCluster(cluster, app, effective, ValuesLayers.Subtract(effective, defaults), policy);
        }
        catch (MissingReleaseException e)
        {
            diagnostics.Add(e.Diagnostic);
        }
        catch (Exception e)
        {
            diagnostics.Add(ModelErrors.ValuesThrew(app.Name, cluster.Name, e, app.DeclaredAt));
        }

        return null;
    }

    /// <summary>
    /// Whether the app's values function reads an image tag on the cluster, found by running it with a placeholder
    /// tag (values functions are deterministic and do no I/O). A function that throws counts as reading one: the
    /// real run reports why it throws.
    /// </summary>
    public static bool ReadsImageTag(App app, Cluster cluster)
    {
        var read = false;
        try
        {
            app.ValuesFor(new AppContext(cluster, app, () =>
            {
                read = true;
                return ImageTag.Parse("sha-0000000");
            }));
        }
        catch (Exception)
        {
            return true;
        }

        return read;
    }

    /// <summary>
    /// A missing tag, at the cluster's section of releases.yaml (or, for a cluster the file does not know yet, at the
    /// cluster's declaration), naming a cluster to promote the tag from: one of the same tier if any has it.
    /// </summary>
    private InfraDiagnostic MissingRelease(Cluster cluster, App app)
    {
        var at = releases.SectionLine(cluster.Name) is { } line ? new SourceLocation(releases.File, line) : cluster.DeclaredAt;
        var source = clusters
            .Where(c => c.Name != cluster.Name && releases.Find(c.Name, app.Name) is not null)
            .OrderBy(c => c.Env.Name == cluster.Env.Name ? 0 : 1)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return ModelErrors.MissingRelease(app.Name, cluster.Name, source?.Name, at);
    }

    private sealed class MissingReleaseException(InfraDiagnostic diagnostic) : Exception(diagnostic.Message)
    {
        public InfraDiagnostic Diagnostic { get; } = diagnostic;
    }
}
