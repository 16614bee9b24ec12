using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Documents;

namespace Cogrion.InfraGen.Loading;

/// <summary>
/// Writes the values InfraGen supplies (<see cref="SuppliedValues"/>) into an app's values for a cluster: first in
/// <c>global</c>, which is created when the values record has none. The generator declares the same keys in every
/// chart's schema.
/// </summary>
internal static class SuppliedGlobals
{
    /// <summary>The supplied value of <paramref name="key"/> on <paramref name="cluster"/>.</summary>
    public static string Value(Cluster cluster, string key) => key == SuppliedValues.RegionKey ? cluster.Region.Name : cluster.Env.Name;

    /// <summary>
    /// <paramref name="values"/> with the supplied keys added, or null (and a diagnostic) when the model's values
    /// already set one, or hold a <c>global</c> that is not a map.
    /// </summary>
    public static DocMap? Supply(DocMap values, AppContext context, List<InfraDiagnostic> diagnostics)
    {
        var app = context.App;
        var cluster = context.Cluster;
        var global = values[SuppliedValues.GlobalKey];
        if (global is not null and not DocMap)
        {
            diagnostics.Add(ModelErrors.SuppliedValueSet(app.Name, SuppliedValues.GlobalKey + " (as a non-map)", app.ValuesInfo.TypeName, app.ValuesInfo.DeclaredAt));
            return null;
        }

        var own = (DocMap?)global ?? new DocMap();
        var set = SuppliedValues.Keys.FirstOrDefault(k => own[k] is not null);
        if (set is not null)
        {
            var at = app.ValuesInfo.PropertyOrigins.GetValueOrDefault($"{SuppliedValues.GlobalKey}.{set}", app.ValuesInfo.DeclaredAt);
            diagnostics.Add(ModelErrors.SuppliedValueSet(app.Name, $"{SuppliedValues.GlobalKey}.{set}", app.ValuesInfo.TypeName, at));
            return null;
        }

        var supplied = new DocMap();
        foreach (var key in SuppliedValues.Keys)
        {
            supplied.Add(key, Value(cluster, key));
        }

        foreach (var (key, value) in own)
        {
            supplied.Add(key, value);
        }

        var result = new DocMap();
        if (global is null)
        {
            result.Add(SuppliedValues.GlobalKey, supplied);
        }

        foreach (var (key, value) in values)
        {
            result.Add(key, key == SuppliedValues.GlobalKey ? supplied : value);
        }

        return result;
    }
}
