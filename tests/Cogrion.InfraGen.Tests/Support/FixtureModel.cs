using System.Runtime.CompilerServices;
using Cogrion.InfraGen.Loading;

namespace Cogrion.InfraGen.Tests.Support;

/// <summary>How a fixture container image is pulled.</summary>
public enum FixturePullPolicy
{
    IfNotPresent,
    Always,
}

/// <summary>Values of the fixture "web" chart: every kind of property the generator supports.</summary>
[HelmValues("web")]
public partial record WebValues
{
    /// <summary>The host the web app answers on.</summary>
    public required string Host { get; init; }

    /// <summary>The image.</summary>
    public required FixtureImage Image { get; init; }

    /// <summary>Pod count.</summary>
    public required int Replicas { get; init; }

    /// <summary>Optional note; left out when null.</summary>
    public string? Note { get; init; }

    /// <summary>A default that clusters may override.</summary>
    public int Port { get; init; } = 8080;

    /// <summary>Feature flags, sorted by key on output.</summary>
    public IReadOnlyDictionary<string, bool> Features { get; init; } = new Dictionary<string, bool> { ["zeta"] = true, ["alpha"] = false };

    /// <summary>Extra arguments.</summary>
    public IReadOnlyList<string> Args { get; init; } = ["--serve", "on"];

    /// <summary>Memory limit.</summary>
    public Memory? MemoryLimit { get; init; }
}

/// <summary>A fixture image.</summary>
public partial record FixtureImage
{
    /// <summary>Repository.</summary>
    public required string Repository { get; init; }

    /// <summary>Tag from releases.yaml.</summary>
    public required ImageTag Tag { get; init; }

    /// <summary>Pull policy.</summary>
    public FixturePullPolicy PullPolicy { get; init; } = FixturePullPolicy.IfNotPresent;
}

/// <summary>Values of the fixture "db" chart: minimal.</summary>
[HelmValues("db")]
public partial record DbValues
{
    /// <summary>The region the database runs in.</summary>
    public required string Region { get; init; }

    /// <summary>Storage size.</summary>
    public required Memory Storage { get; init; }
}

/// <summary>A small estate for pipeline tests: two clusters, two apps, a releases file, one template.</summary>
public static class FixtureModel
{
    public static readonly Env Dev = new("dev", IsProduction: false);
    public static readonly Env Prod = new("prod", IsProduction: true) { Approvers = ["@example/prod-approvers"] };
    public static readonly Region Sgp1 = new("sgp-1", "ap-southeast-1");

    /// <summary>A region no fixture cluster uses until a test adds one (releases.yaml has no tags for it).</summary>
    public static readonly Region Fra1 = new("fra-1", "eu-central-1");

    public const string Releases = """
        # fixture releases
        dev-sgp-1:
          web: sha-a1b2c3d
        prod-sgp-1:
          web: sha-9f8e7d6
        """;

    public static App<WebValues> Web([CallerLineNumber] int line = 0, [CallerFilePath] string file = "") => new(
        new ChartSpec("1.0.0", "Fixture web app"),
        c => new WebValues
        {
            Host = $"web.{c.Cluster.Name}.example.com",
            Image = new() { Repository = "ghcr.io/example/web", Tag = c.ImageTag },
            Replicas = c.Cluster.Env.IsProduction ? 3 : 1,
            Port = c.Cluster.Env.IsProduction ? 8080 : 9090,
            Note = c.Cluster.Env.IsProduction ? null : "yes",
            MemoryLimit = Memory.Mi(256),
        },
        file,
        line)
    {
        DependsOn = [Db()],
        Secrets = [new AppSecret("DB_PASSWORD", "db-password")],
    };

    /// <summary>The web app with its values for each cluster passed through <paramref name="change"/>, declared at the caller.</summary>
    public static App<WebValues> WebWith(Func<AppContext, WebValues, WebValues> change, [CallerLineNumber] int line = 0, [CallerFilePath] string file = "")
    {
        var web = Web();
        return new App<WebValues>(web.Chart, c => change(c, (WebValues)web.ValuesFor(c)!), file, line)
        {
            DependsOn = web.DependsOn,
            Secrets = web.Secrets,
        };
    }

    public static App<DbValues> Db([CallerLineNumber] int line = 0, [CallerFilePath] string file = "") => new(
        new ChartSpec("1.0.0", "Fixture database") { Dependencies = [new ChartDependency("postgresql", "16.0.0", "oci://registry.example.com/charts")] },
        c => new DbValues { Region = c.Cluster.Region.Name, Storage = Memory.Gi(10) },
        file,
        line);

    public static Estate Estate(IReadOnlyList<Cluster>? clusters = null, IReadOnlyList<App>? apps = null) => new()
    {
        Repo = new GitRepo("https://github.com/example/infra", "main") { TreePath = "out" },
        Clusters = clusters ?? [new Cluster(Dev, Sgp1), new Cluster(Prod, Sgp1)],
        Apps = apps ?? [Web(), Db()],
        SecretKey = (env, region, name) => $"example/{env}/{region}/{name}",
        ClusterDomain = c => $"{c.Name}.example.com",
    };

    /// <summary>The fixture estate with a third cluster, prod-fra-1, that releases.yaml knows nothing of.</summary>
    public static Estate EstateWithFra1() => Estate(clusters: [new Cluster(Dev, Sgp1), new Cluster(Prod, Sgp1), new Cluster(Prod, Fra1)]);

    /// <summary>The fixture's files and the tree generated from them.</summary>
    public static ModelPaths CreateGenerated(TempDirectory temp)
    {
        var paths = CreateFiles(temp);
        var run = HostRun.Generate(new TestCatalog(Estate()), paths);
        Assert.True(run.ExitCode == 0, run.Error);
        return paths;
    }

    /// <summary>
    /// <paramref name="count"/> clusters (dev and prod in regions <c>r-1</c>, <c>r-2</c>, …), and a releases.yaml that
    /// tags web on each: a tree large enough that rendering and writing run in parallel.
    /// </summary>
    public static (IReadOnlyList<Cluster> Clusters, string Releases) ManyClusters(int count)
    {
        var clusters = Enumerable.Range(0, count)
            .Select(i => new Cluster(i % 2 == 0 ? Dev : Prod, new Region($"r-{(i / 2) + 1}", "eu-central-1")))
            .ToList();
        var releases = string.Concat(clusters.Select((c, i) => $"{c.Name}:\n  web: sha-{0xa000000 + i:x7}\n"));
        return (clusters, releases);
    }

    /// <summary>A model directory with the fixture's releases.yaml and a template, and an out/ beside it.</summary>
    public static ModelPaths CreateFiles(TempDirectory temp, string? releases = Releases)
    {
        var model = temp.Combine("model");
        Directory.CreateDirectory(Path.Combine(model, "charts", "web", "templates"));
        File.WriteAllText(Path.Combine(model, "charts", "web", "templates", "deployment.yaml"), "kind: Deployment\r\nmetadata:\r\n  name: web\r\n");
        if (releases is not null)
        {
            File.WriteAllText(Path.Combine(model, "releases.yaml"), releases);
        }

        return new ModelPaths(model, temp.Combine("out"));
    }
}

/// <summary>A catalog over an estate built in code, as the generator would make for a model project.</summary>
public sealed class TestCatalog(Func<Estate> define) : IInfraCatalog
{
    public TestCatalog(Estate estate)
        : this(() => estate)
    {
    }

    public IReadOnlyList<HelmValuesInfo> Charts => [WebValues.ValuesInfo, DbValues.ValuesInfo];

    public IInfraModel CreateModel() => new Model(define);

    private sealed class Model(Func<Estate> define) : IInfraModel
    {
        public Estate Define() => define();
    }
}
