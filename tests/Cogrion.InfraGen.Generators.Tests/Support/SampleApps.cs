namespace Cogrion.InfraGen.Generators.Tests.Support;

/// <summary>
/// App declarations over <see cref="SampleModel"/>'s values records, for the value origins stage: a values lambda that
/// calls conventions, a values function named by a method group with a local, conventions that return records through
/// a switch and a conditional, a constant, and a <c>DependsOn</c>.
/// </summary>
public static class SampleApps
{
    public const string Path = "/model/Apps/Declarations.cs";

    public const string Source = """
        namespace Sample;

        /// <summary>The sample estate's apps.</summary>
        public static class Declarations
        {
            public static readonly App<DbValues> Db = new(new ChartSpec("0.1.0", "The database."), DbValuesFor);

            public static readonly App<WebValues> Web = new(
                new ChartSpec("0.1.0", "The web app."),
                context => new WebValues
                {
                    Global = Naming.Global(context.Cluster),
                    Tag = context.ImageTag,
                    Replicas = context.Cluster.Env.IsProduction ? 3 : 1,
                    Routes = [new Route { Host = Naming.Host(context.Cluster, "web") }],
                })
            {
                DependsOn = [Db],
            };

            private static DbValues DbValuesFor(Cogrion.InfraGen.AppContext context)
            {
                var global = Naming.Global(context.Cluster);
                return new DbValues { Global = global, Storage = Memory.Gi(Naming.StorageGi) };
            }
        }

        /// <summary>Naming conventions of the sample estate.</summary>
        public static class Naming
        {
            public const int StorageGi = 20;

            public static SharedGlobal Global(Cluster cluster) => cluster.Env.Name switch
            {
                "prod" => new() { Zone = cluster.Region.Name + "a" },
                _ => new() { Zone = cluster.Region.Name + "b", BaseDomain = Host(cluster, "www") },
            };

            public static string Host(Cluster cluster, string service) =>
                cluster.Env.IsProduction ? $"{service}.example.com" : $"{service}.{cluster.Env.Name}.example.com";
        }
        """;

    /// <summary>The sample model with these declarations.</summary>
    public static IEnumerable<(string Path, string Source)> Files => [.. SampleModel.Files, (Path, Source)];
}
