namespace Cogrion.InfraGen.Generators.Tests.Support;

/// <summary>
/// A test model with every kind of values property the generator supports, two charts sharing a record, an
/// upstream chart's values, a record in the global namespace and the <c>[InfraModel]</c> class.
/// </summary>
public static class SampleModel
{
    public const string Shared = """
        namespace Sample;

        /// <summary>Where a chart runs.</summary>
        public partial record SharedGlobal
        {
            /// <summary>The availability zone (sgp-1a).</summary>
            public required string Zone { get; init; }

            /// <summary>The base domain.</summary>
            public string BaseDomain { get; init; } = "example.com";
        }

        /// <summary>When an image is pulled.</summary>
        public enum Pull
        {
            IfNotPresent,
            Always,
        }
        """;

    public const string Web = """
        namespace Sample;

        /// <summary>Values of the web chart.</summary>
        [HelmValues("web")]
        public partial record WebValues
        {
            /// <summary>Where it runs.</summary>
            public required SharedGlobal Global { get; init; }

            /// <summary>The image tag.</summary>
            public required ImageTag Tag { get; init; }

            public Pull PullPolicy { get; init; } = Pull.IfNotPresent;

            public Pull? OptionalPull { get; init; }

            /// <summary>Pods.</summary>
            public int Replicas { get; init; } = 2;

            public long MaxBytes { get; init; }

            public decimal Ratio { get; init; } = 0.5m;

            public bool Enabled { get; init; } = true;

            public string? Note { get; init; }

            public Cpu? Cpu { get; init; }

            public Memory Memory { get; init; } = Memory.Mi(256);

            public IReadOnlyList<string> Args { get; init; } = ["--serve"];

            public string?[] Optional { get; init; } = [];

            public IReadOnlyDictionary<string, int> Ports { get; init; } = new Dictionary<string, int> { ["http"] = 80 };

            /// <summary>Hosts and paths.</summary>
            public required IReadOnlyList<Route> Routes { get; init; }

            /// <summary>Values of the upstream chart.</summary>
            [YamlName("upstream-chart")]
            [SubchartValues]
            public Upstream Upstream { get; init; } = new();

            public string @class { get; init; } = "keyword";
        }

        /// <summary>A routed host.</summary>
        public partial record Route
        {
            public required string Host { get; init; }

            public string Path { get; init; } = "/";
        }

        /// <summary>What we set of the upstream chart.</summary>
        public partial record Upstream
        {
            public int Replicas { get; init; } = 1;

            public Route? Extra { get; init; }
        }

        /// <summary>Renders values the way the pipeline does, for the test to read.</summary>
        public static class Render
        {
            public static Cogrion.InfraGen.Documents.DocMap Web() => new WebValues
            {
                Global = new() { Zone = "sgp-1a" },
                Tag = ImageTag.Parse("sha-a1b2c3d"),
                Routes = [new Route { Host = "web.example.com" }],
                Note = null,
                Cpu = Cpu.Millicores(250),
                Optional = ["a", null],
            }.ToValuesDocument();
        }
        """;

    public const string Db = """
        /// <summary>Values of the db chart, in the global namespace.</summary>
        [HelmValues("db")]
        public partial record DbValues
        {
            public required Sample.SharedGlobal Global { get; init; }

            public Memory Storage { get; init; } = Memory.Gi(10);
        }
        """;

    public const string Estate = """
        namespace Sample;

        [InfraModel]
        public sealed class SampleEstate : IInfraModel
        {
            public Estate Define() => throw new NotSupportedException("Not run by the generator tests.");
        }
        """;

    public static IEnumerable<(string Path, string Source)> Files =>
    [
        ("/model/Values/Shared.cs", Shared),
        ("/model/Apps/Web.cs", Web),
        ("/model/Apps/Db.cs", Db),
        ("/model/Estate.cs", Estate),
    ];
}
