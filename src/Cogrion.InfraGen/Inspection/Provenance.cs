using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Rendering;

namespace Cogrion.InfraGen.Inspection;

/// <summary>One place in the model behind a generated file or value, and what that place contributes.</summary>
/// <param name="At">The model file and line.</param>
/// <param name="What">What is there, in words.</param>
public sealed record Source(SourceLocation At, string What);

/// <summary>
/// Which model files and lines produced a generated file or one of its values: what <c>infragen explain</c> prints.
/// Files come from <see cref="RenderedFile.Origin"/> and the cluster and app they belong to; values keys from the
/// values record's <see cref="HelmValuesInfo.PropertyOrigins"/>, and image tags from their line in releases.yaml.
/// </summary>
public static class Provenance
{
    /// <summary>What a generated file is, in words.</summary>
    public static string Describe(RenderedFile file) => file.Kind switch
    {
        FileKind.Bootstrap => $"the bootstrap of cluster {file.Cluster?.Name}: the root's AppProject and the App of Apps root Application (applied once by hand)",
        FileKind.Application => $"the AppProject and Argo CD Application of {file.App?.Name} on cluster {file.Cluster?.Name}",
        FileKind.IamPolicy => $"the IAM policy of {file.App?.Name}'s role on cluster {file.Cluster?.Name}, for Terraform",
        FileKind.ChartManifest => $"the Chart.yaml of chart {file.App?.Name}",
        FileKind.ChartDefaults => $"the defaults of chart {file.App?.Name} (values.yaml)",
        FileKind.ChartSchema => $"the values schema of chart {file.App?.Name}",
        FileKind.ChartTemplate => $"a template of chart {file.App?.Name}",
        FileKind.ClusterValues => $"the values of {file.App?.Name} on cluster {file.Cluster?.Name}: only what differs from the chart defaults",
        FileKind.Readme => "the generated README of the tree",
        FileKind.CodeOwners => "the code owners of the tree: who must approve a change (the Approvers of each environment tier)",
        _ => "InfraGen's ownership marker of the tree",
    };

    /// <summary>The model sources of a whole file, most specific first.</summary>
    public static IReadOnlyList<Source> OfFile(ResolvedEstate model, ValueOrigins origins, RenderedFile file)
    {
        var sources = new List<Source>();
        var cluster = file.Cluster;
        var app = file.App;
        switch (file.Kind)
        {
            case FileKind.ChartTemplate when app is not null && file.Origin.File != app.DeclaredAt.File:
                sources.Add(new Source(file.Origin, "the hand-written template, copied as it is"));
                break;
            case FileKind.ChartTemplate when app is not null:
                sources.Add(new Source(app.DeclaredAt, $"app {app.Name}: its Secrets become this ExternalSecret"));
                break;
            case FileKind.ChartDefaults or FileKind.ChartSchema when app is not null:
                sources.Add(new Source(app.ValuesInfo.DeclaredAt, $"values record {app.ValuesInfo.TypeName}: " +
                    (file.Kind == FileKind.ChartDefaults ? "its property initializers are the defaults" : "its property types and doc comments are the schema")));
                break;
            case FileKind.ClusterValues when app is not null:
                sources.Add(new Source(app.DeclaredAt, $"app {app.Name}: its values function builds the values for each cluster"));
                sources.Add(new Source(app.ValuesInfo.DeclaredAt, $"values record {app.ValuesInfo.TypeName}: the keys, their types and defaults"));
                break;
            case FileKind.Application when app is not null:
                sources.Add(new Source(file.Origin, $"app {app.Name}: its Application (the second document)"));
                var footprint = ProjectOrigins.FootprintLine(model, app);
                sources.Add(model.Footprint.Find(app.Name) is null ? footprint : footprint with { What = $"{footprint.What}: its AppProject (the first document) allows exactly that" });
                break;
            case FileKind.IamPolicy when cluster is not null && app is not null:
                sources.Add(new Source(cluster.DeclaredAt, $"cluster {cluster.Name}: its AwsAccountId and AWS region are in every ARN; Terraform attaches the policy to its IamRoles[{app.Name}] role"));
                sources.AddRange(model.On(cluster).Where(p => p.App.Secrets.Count > 0).Select(p => new Source(
                    DeclarationSetting.Line(origins, p.App, nameof(App.Secrets)),
                    $"app {p.App.Name}: its Secrets, each a secret the policy allows reading ({p.App.Secrets.Count})")));
                break;
            case FileKind.Readme or FileKind.Marker or FileKind.CodeOwners:
                break;
            default:
                if (!file.Origin.IsUnknown)
                {
                    sources.Add(new Source(file.Origin, app is not null ? $"app {app.Name}" : $"cluster {file.Cluster?.Name}"));
                }

                break;
        }

        if (cluster is not null && sources.All(s => s.At != cluster.DeclaredAt))
        {
            sources.Add(new Source(cluster.DeclaredAt, $"cluster {cluster.Name}"));
        }

        if (file.Kind == FileKind.ClusterValues && cluster is not null && app is not null && model.Releases.Find(cluster.Name, app.Name) is { } release)
        {
            sources.Add(new Source(new SourceLocation(model.Releases.File, release.Line), $"the image tag of {app.Name} on {cluster.Name}"));
        }

        return sources;
    }

    /// <summary>
    /// The model sources of one value of a generated file, most specific first. In a values file (a cluster's or the
    /// chart defaults): the releases.yaml line when the value is the app's image tag there; then the chain from the
    /// assignment that set it in the app's values function through the conventions it calls (<see cref="ValueChain"/>,
    /// when the generator recorded the function); then the property's declaration (for a default, its initializer).
    /// In an app's file of the root's directory: a value of its AppProject (<see cref="ProjectOrigins"/>), or its
    /// Application's sync wave: the app's <c>DependsOn</c>, the secret store it syncs after for its Secrets, and those of
    /// the apps it depends on (<see cref="SyncWaveChain"/>).
    /// </summary>
    /// The <paramref name="document"/> is the one of <paramref name="file"/> that holds <paramref name="value"/>.
    public static IReadOnlyList<Source> OfValue(ResolvedEstate model, ValueOrigins origins, RenderedFile file, DocNode document, string path, DocNode value)
    {
        var app = file.App;
        if (app is not null && file.Kind == FileKind.Application && file.Cluster is { } placedOn && document is DocMap manifest)
        {
            if (manifest["kind"] is DocScalar { Text: "AppProject" })
            {
                return ProjectOrigins.For(model, origins, placedOn, app, manifest, value);
            }

            if (DocPaths.Find(manifest, SyncWavePath) is { } wave && ReferenceEquals(value, wave))
            {
                return SyncWaveChain.For(model, origins, app);
            }
        }

        if (app is null || file.Kind is not (FileKind.ClusterValues or FileKind.ChartDefaults))
        {
            return OfFile(model, origins, file);
        }

        var sources = new List<Source>();
        var cluster = file.Cluster;
        if (cluster is not null && value is DocScalar scalar && model.Releases.Find(cluster.Name, app.Name) is { } release
            && scalar.Text == release.Tag.ToString())
        {
            sources.Add(new Source(new SourceLocation(model.Releases.File, release.Line), $"the image tag of {app.Name} on {cluster.Name}: edit this line"));
        }

        if (file.Kind == FileKind.ClusterValues && cluster is not null
            && SuppliedValues.Keys.FirstOrDefault(k => path == $"{SuppliedValues.GlobalKey}.{k}") is { } supplied)
        {
            var from = supplied == SuppliedValues.RegionKey ? "Region.Name" : "Env.Name";
            sources.Add(new Source(cluster.DeclaredAt, $"cluster {cluster.Name}: its {from}, which InfraGen supplies to every chart as {path}"));
            return sources;
        }

        var property = PropertyOrigin(app.ValuesInfo, path);
        if (file.Kind == FileKind.ClusterValues && cluster is not null)
        {
            var chain = ValueChain.For(origins, app, path);
            sources.AddRange(chain);
            sources.Add(property);
            if (chain.Count == 0)
            {
                sources.Add(new Source(app.DeclaredAt, $"app {app.Name}: its values function sets the value for {cluster.Name}"));
            }

            sources.Add(new Source(cluster.DeclaredAt, $"cluster {cluster.Name}: the values function and the conventions read its Env and Region"));
        }
        else
        {
            // A default is the property's own initializer, or an initializer of a property that holds it
            // (`Service = new() { Port = 80 }`): the declaration is where to start reading, not the record's first line.
            sources.Add(property with { What = property.What + "; its initializer (or that of a property holding it) is the chart default" });
        }

        return sources;
    }

    /// <summary>The sync-wave annotation of an Application.</summary>
    private const string SyncWavePath = "metadata.annotations[argocd.argoproj.io/sync-wave]";

    /// <summary>Where the key's property is declared: the nearest declared path (a dictionary entry is its property's).</summary>
    private static Source PropertyOrigin(HelmValuesInfo values, string path)
    {
        for (var key = DocPaths.PropertyPath(path); key.Length > 0; key = key.LastIndexOf('.') is var dot and >= 0 ? key[..dot] : string.Empty)
        {
            if (values.PropertyOrigins.TryGetValue(key, out var at))
            {
                return new Source(at, $"property {key} of {values.TypeName} is declared here");
            }
        }

        return new Source(values.DeclaredAt, $"values record {values.TypeName} (the generator recorded no declaration for '{DocPaths.PropertyPath(path)}', so this is the record's)");
    }
}
