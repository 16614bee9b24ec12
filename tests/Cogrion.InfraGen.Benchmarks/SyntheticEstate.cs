using System.Globalization;
using System.Text;
using Cogrion.Infra;
using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Loading;

namespace Cogrion.InfraGen.Benchmarks;

/// <summary>
/// The real cogrion estate (its apps, conventions and repository) with any number of clusters: regions
/// <c>rg-1</c>, <c>rg-2</c>… each with a dev and a prod cluster, every cluster with its own image tags in a
/// generated <c>releases.yaml</c>. The model directory is made in a scratch folder (tmpfs when there is one)
/// with the real model's chart templates, so the estate loads, renders and validates like the real one.
/// </summary>
public sealed class SyntheticEstate : IDisposable
{
    private SyntheticEstate(string root, Estate estate, ModelPaths paths)
    {
        Root = root;
        Estate = estate;
        Paths = paths;
    }

    /// <summary>The scratch folder holding <c>model/</c> (and <c>out/</c>, if anything writes it); removed on dispose.</summary>
    public string Root { get; }

    /// <summary>The estate.</summary>
    public Estate Estate { get; }

    /// <summary>Its model and output directories.</summary>
    public ModelPaths Paths { get; }

    /// <summary>The estate loaded and checked, ready to render.</summary>
    public ResolvedEstate Load() => ModelLoader.Load(Estate, Paths);

    /// <summary>
    /// An estate of <paramref name="clusters"/> clusters (one dev and one prod per region, the last region dev only
    /// for an odd number) and <paramref name="apps"/> apps (see <see cref="SyntheticApps"/>), writing its tree to
    /// <paramref name="outDirectory"/> (default: <c>out/</c> in the scratch folder, removed with it).
    /// </summary>
    public static SyntheticEstate Create(int clusters, int apps = 5, string? outDirectory = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(clusters, 1);
        var real = RealModel();
        var regions = (clusters + 1) / 2;
        var declared = new List<Cluster>(clusters);
        for (var i = 1; i <= regions; i++)
        {
            var region = new Region($"rg-{i}", i % 2 == 0 ? "eu-central-1" : "ap-southeast-1");
            declared.Add(new Cluster(Envs.Dev, region));
            if (declared.Count < clusters)
            {
                declared.Add(new Cluster(Envs.Prod, region));
            }
        }

        var realEstate = new CogrionEstate().Define();
        var chosen = SyntheticApps.From(realEstate.Apps, apps);
        declared = [.. declared.Select(c => WithTerraformInputs(c, realEstate.Clusters[0], chosen))];
        var root = Path.Combine(Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath(), "infragen-synthetic-" + Guid.NewGuid().ToString("N"));
        var model = Path.Combine(root, "model");
        foreach (var app in chosen)
        {
            var templates = real.TemplatesDirectory(SyntheticApps.OriginalOf(app));
            if (Directory.Exists(templates))
            {
                CopyDirectory(templates, Path.Combine(model, "charts", app.Name, "templates"));
            }
        }

        Directory.CreateDirectory(model);
        var tagged = TaggedApps(real);
        File.WriteAllText(Path.Combine(model, "releases.yaml"), Releases(declared, [.. chosen.Where(a => tagged.Contains(SyntheticApps.OriginalOf(a))).Select(a => a.Name)]));
        File.WriteAllText(Path.Combine(model, "footprint.yaml"), Footprint(real, realEstate.Apps, chosen));

        var estate = realEstate with
        {
            Clusters = declared,
            Apps = chosen,
            ArgoCdApp = chosen.FirstOrDefault(a => a == realEstate.ArgoCdApp),
            SecretStoreApp = chosen.FirstOrDefault(a => a == realEstate.SecretStoreApp),
        };
        return new SyntheticEstate(root, estate, new ModelPaths(model, Path.GetFullPath(outDirectory ?? Path.Combine(root, "out"))));
    }

    /// <summary>
    /// The cluster with placeholder Terraform inputs (account 111111111111) and an IAM role for every chosen app whose
    /// real original has one on the real model's first cluster.
    /// </summary>
    private static Cluster WithTerraformInputs(Cluster cluster, Cluster real, IReadOnlyList<App> apps) => cluster with
    {
        AwsAccountId = "111111111111",
        VpcId = "vpc-11111111111111111",
        IamRoles = new IamRoles(apps
            .Where(a => real.IamRoles.Find(SyntheticApps.OriginalOf(a)) is not null)
            .Select(a => new KeyValuePair<App, string>(a, $"arn:aws:iam::111111111111:role/{cluster.Name}-{a.Name}"))),
    };

    /// <summary>The real model's directories, found from this program's location (it runs inside the repository).</summary>
    public static ModelPaths RealModel() =>
        ModelPaths.Discover(System.AppContext.BaseDirectory) ?? throw new InvalidOperationException("Run from inside the repository: no model/ directory found above " + System.AppContext.BaseDirectory);

    /// <summary>The apps that read an image tag: those with a line in the real releases.yaml.</summary>
    private static HashSet<string> TaggedApps(ModelPaths real)
    {
        var diagnostics = new List<InfraDiagnostic>();
        var releases = Loading.Releases.Load(real.ReleasesFile, diagnostics);
        return [.. releases.Entries.Select(e => e.App)];
    }

    /// <summary>
    /// The real footprint.yaml's entry of each chosen app's original, under the app's name and with its own namespace
    /// for the original's: what <c>render --update-footprint</c> would write, so the render check finds it current.
    /// </summary>
    private static string Footprint(ModelPaths real, IReadOnlyList<App> realApps, IReadOnlyList<App> chosen)
    {
        var footprint = Loading.Footprint.Load(real.FootprintFile, []);
        var entries = new Dictionary<string, AppFootprint>(StringComparer.Ordinal);
        foreach (var app in chosen)
        {
            var original = realApps.First(a => a.Name == SyntheticApps.OriginalOf(app));
            if (footprint.Find(original.Name) is { } entry)
            {
                entries[app.Name] = entry with { Namespaces = [.. entry.Namespaces.Select(n => n == original.Namespace ? app.Namespace : n).Order(StringComparer.Ordinal)] };
            }
        }

        return Loading.Footprint.Text(entries);
    }

    /// <summary>One distinct, valid tag per cluster and app, as CI would deploy them.</summary>
    private static string Releases(IEnumerable<Cluster> clusters, IReadOnlyList<string> apps)
    {
        var text = new StringBuilder("# Generated for a synthetic estate.\n");
        var n = 0;
        foreach (var cluster in apps.Count == 0 ? [] : clusters)
        {
            text.Append(cluster.Name).Append(":\n");
            foreach (var app in apps)
            {
                text.Append("  ").Append(app).Append(": sha-").Append((0x1000000 + n++).ToString("x7", CultureInfo.InvariantCulture)).Append('\n');
            }
        }

        return text.ToString();
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a scratch folder.
        }
    }
}
