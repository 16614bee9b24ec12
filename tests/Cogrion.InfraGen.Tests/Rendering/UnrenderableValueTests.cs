using System.Runtime.CompilerServices;
using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Hosting;
using Cogrion.InfraGen.Tests.Support;

namespace Cogrion.InfraGen.Tests.Rendering;

/// <summary>
/// A value no YAML can carry (half of a UTF-16 surrogate pair) stops the run with INFRA1201 naming the output file,
/// the JSON pointer, and for values the record and property at the property's declaration; out/ is not touched.
/// </summary>
public sealed class UnrenderableValueTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void A_lone_surrogate_in_a_values_property_names_the_record_and_property_at_its_declaration()
    {
        var error = Refused(WebWith(v => v with { Note = "half \ud800 of a pair" }));

        Assert.Contains(
            $"FixtureModel.cs({DeclarationLine("public string? Note")}): error INFRA1201: The value of Cogrion.InfraGen.Tests.Support.WebValues property 'note' " +
            "(app 'web' on cluster 'dev-sgp-1') cannot be written as YAML: it holds an unpaired UTF-16 surrogate (U+D800) at character 5",
            error);
        Assert.Contains("Allowed: any Unicode text, with UTF-16 surrogates only in pairs", error);
        Assert.Contains("[out/values/dev-sgp-1/web.yaml /note]", error);
    }

    [Fact]
    public void A_lone_surrogate_in_a_dictionary_key_names_the_dictionary_property_and_shows_the_key_escaped()
    {
        var error = Refused(WebWith(v => v with { Features = new Dictionary<string, bool> { ["flag\udc00"] = true } }));

        Assert.Contains(
            $"FixtureModel.cs({DeclarationLine("public IReadOnlyDictionary<string, bool> Features")}): error INFRA1201: A key of Cogrion.InfraGen.Tests.Support.WebValues property 'features' " +
            "(app 'web' on cluster 'dev-sgp-1') cannot be written as YAML: it holds an unpaired UTF-16 surrogate (U+DC00)",
            error);
        Assert.Contains("[out/values/dev-sgp-1/web.yaml /features/flag\\uDC00]", error);
    }

    [Fact]
    public void A_lone_surrogate_in_a_manifest_names_the_file_and_pointer_at_the_app_declaration()
    {
        App<DbValues> db = new(new ChartSpec("1.0.0", "Database \ud83d of the fixture"), c => (DbValues)FixtureModel.Db().ValuesFor(c)!); var line = Line();

        var error = Refused(FixtureModel.Estate(apps: [FixtureModel.Web(), db]));

        Assert.Contains($"UnrenderableValueTests.cs({line}): error INFRA1201: The value at /description cannot be written as YAML: it holds an unpaired UTF-16 surrogate (U+D83D)", error);
        Assert.Contains("[out/charts/db/Chart.yaml /description]", error);
    }

    private string Refused(Estate bad) => ModelRejection.Run(_temp, bad, exitCode: ExitCodes.Refused);

    /// <summary>The fixture estate with the web app's values on dev-sgp-1 changed.</summary>
    private static Estate WebWith(Func<WebValues, WebValues> change) =>
        FixtureModel.Estate(apps: [FixtureModel.WebWith((c, v) => c.Cluster.Env.IsProduction ? v : change(v)), FixtureModel.Db()]);

    private static int Line([CallerLineNumber] int line = 0) => line;

    /// <summary>The line of FixtureModel.cs declaring a property (what the generator records in PropertyOrigins).</summary>
    private static int DeclarationLine(string declaration, [CallerFilePath] string here = "")
    {
        var lines = File.ReadAllLines(Path.Combine(Path.GetDirectoryName(here)!, "..", "Support", "FixtureModel.cs"));
        return Array.FindIndex(lines, l => l.Contains(declaration, StringComparison.Ordinal)) + 1;
    }

    public void Dispose() => _temp.Dispose();
}
