using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Tests.Support;
using Cogrion.InfraGen.Validation;
using Cogrion.InfraGen.Validation.Schemas;
using CsCheck;

namespace Cogrion.InfraGen.Tests.Validation;

/// <summary>
/// The validator evaluates one document per signature and shares the verdict. These tests hold that sharing to
/// the definition: for random variations of real documents, the shared verdict equals a direct evaluation.
/// </summary>
public sealed class SchemaSignatureTests : IDisposable
{
    private static readonly string[] Strings =
    [
        "", "main", "HEAD", "x", "a b", "../../values/x.yaml", "CreateNamespace=true", "prod-sgp-1", "Db_Name", "123", "yes",
        "sha-a1b2c3d", "sha-XYZ", "latest", "256Mi", "1.5Gi", "250m", "db-password", "DB PASSWORD", "web-secrets", "Web",
    ];

    private readonly ValidationHarness _fixture = new();

    [Theory]
    [InlineData("argocd/apps/prod-sgp-1/web.yaml", 0)]
    [InlineData("argocd/apps/prod-sgp-1/web.yaml", 1)]
    [InlineData("argocd/bootstrap/prod-sgp-1.yaml", 0)]
    [InlineData("argocd/bootstrap/prod-sgp-1.yaml", 1)]
    [InlineData("charts/web/templates/externalsecret.yaml", 0)]
    [InlineData("charts/db/Chart.yaml", 0)]
    public void A_shared_verdict_equals_a_direct_evaluation_for_random_variations(string path, int index)
    {
        var original = _fixture.Tree.Files[path].Documents[index];
        var schema = path.EndsWith("Chart.yaml", StringComparison.Ordinal)
            ? UpstreamSchemas.HelmChart
            : UpstreamSchemas.For(DocPointer.String(original, "apiVersion")!, DocPointer.String(original, "kind")!)!;
        AssertSharingIsExact(schema, original);
    }

    [Fact]
    public void A_shared_verdict_equals_a_direct_evaluation_for_values_against_the_generated_schema()
    {
        var schema = CompiledSchema.Parse("web values", _fixture.Tree.Files["charts/web/values.schema.json"].Text);
        AssertSharingIsExact(schema, new TreeFacts(_fixture.Model, _fixture.Tree).Values.First(v => v.App.Name == "web").Merged);
    }

    [Fact]
    public void Documents_that_differ_only_in_strings_no_schema_reads_share_one_evaluation()
    {
        var verdicts = new SchemaVerdicts();
        var schema = UpstreamSchemas.For("argoproj.io/v1alpha1", "Application")!;
        for (var cluster = 0; cluster < 50; cluster++)
        {
            var application = _fixture.Application("argocd/apps/prod-sgp-1/web.yaml");
            var source = (DocMap)DocPointer.Find(application, ["spec", "source"])!;
            source.Set("helm", new DocMap { { "valueFiles", new DocSeq { $"../../values/c-{cluster}/web.yaml" } } });
            Assert.Empty(verdicts.Evaluate(schema, application));
        }

        Assert.Equal(1, verdicts.Evaluations);
    }

    [Fact]
    public void A_string_a_schema_reads_is_part_of_the_signature()
    {
        var verdicts = new SchemaVerdicts();
        var schema = UpstreamSchemas.For("external-secrets.io/v1", "ExternalSecret")!;
        var good = _fixture.Document("charts/web/templates/externalsecret.yaml");
        var bad = _fixture.Document("charts/web/templates/externalsecret.yaml");
        ((DocMap)DocPointer.Find(bad, ["spec", "data", "0"])!).Set("secretKey", "DB PASSWORD");

        Assert.Empty(verdicts.Evaluate(schema, good));
        Assert.Single(verdicts.Evaluate(schema, bad));
        Assert.Equal(2, verdicts.Evaluations);
    }

    private static void AssertSharingIsExact(CompiledSchema schema, DocNode original)
    {
        var places = new List<string[]>();
        DocWalk.Scalars(original, (path, _, _) => places.Add([.. path]));
        var verdicts = new SchemaVerdicts();
        var edit = Gen.Select(Gen.Int[0, places.Count - 1], Gen.Int[0, Strings.Length + 2]);

        // PropertyRun, not CsCheck's Sample without a seed: the same cases on every CI run (INFRAGEN_PROPERTY_SEED varies them).
        PropertyRun.Check(edit.Array[1, 3], edits =>
        {
            var document = ValidationHarness.Clone(original);
            foreach (var (place, choice) in edits)
            {
                Replace(document, places[place], choice < Strings.Length ? Strings[choice] : choice == Strings.Length ? DocScalar.Boolean(true) : DocScalar.Integer(7));
            }

            var shared = verdicts.Evaluate(schema, document).Select(Describe).ToList();
            var direct = schema.Evaluate(document).Select(Describe).ToList();
            Assert.Equal(direct, shared);
        }, defaultIterations: 300);
    }

    private static void Replace(DocNode document, string[] path, DocNode value)
    {
        var parent = DocPointer.Find(document, path[..^1]);
        if (parent is DocMap map)
        {
            map.Set(path[^1], value);
        }
        else if (parent is DocSeq seq)
        {
            var index = int.Parse(path[^1], System.Globalization.CultureInfo.InvariantCulture);
            var items = seq.ToList();
            items[index] = value;
            var rebuilt = new DocSeq();
            items.ForEach(rebuilt.Add);
            var grandParent = (DocMap)DocPointer.Find(document, path[..^2])!;
            grandParent.Set(path[^2], rebuilt);
        }
    }

    private static string Describe(SchemaFinding finding) => $"{DocPointer.Format(finding.Path)} {finding.Keyword} {finding.SchemaPath}";

    public void Dispose() => _fixture.Dispose();
}
