namespace Cogrion.InfraGen;

/// <summary>
/// The values InfraGen gives every chart on every cluster, under <c>global</c>, so no values record declares them and
/// no values function can forget them: the cluster's region and environment, which the generated ExternalSecrets read
/// to build each secret's remote key (<c>{{ .Values.global.environment }}</c>).
/// </summary>
/// <remarks>
/// Also compiled into the source generator (linked file): the generator writes these keys into every chart's
/// <c>values.schema.json</c>, and loading writes them into every cluster's values, from this one list.
/// </remarks>
public static class SuppliedValues
{
    /// <summary>The values key the supplied values sit under.</summary>
    public const string GlobalKey = "global";

    /// <summary>The cluster's region name (<c>Region.Name</c>).</summary>
    public const string RegionKey = "region";

    /// <summary>The cluster's environment tier (<c>Env.Name</c>).</summary>
    public const string EnvironmentKey = "environment";

    /// <summary>The supplied keys, in the order they are written (first in <c>global</c>).</summary>
    public static readonly string[] Keys = [RegionKey, EnvironmentKey];

    /// <summary>The schema description of a supplied key.</summary>
    public static string Description(string key) => key == RegionKey
        ? "The cluster's region name (Region.Name): supplied by InfraGen for every chart."
        : "The cluster's environment tier (Env.Name): supplied by InfraGen for every chart.";

    /// <summary>The schema description of <c>global</c> in a chart whose values record declares none.</summary>
    public const string GlobalDescription = "Where the chart runs: supplied by InfraGen for every chart.";
}
