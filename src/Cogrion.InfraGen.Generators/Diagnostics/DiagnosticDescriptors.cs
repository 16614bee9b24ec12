using Cogrion.InfraGen.Generators.Diagnostics.Analyzers;
using Microsoft.CodeAnalysis;

namespace Cogrion.InfraGen.Generators.Diagnostics;

/// <summary>
/// Every diagnostic the analyzers report. Each is an error: a model that breaks one of these rules would render
/// wrong or leak a secret. Each links to its section of <c>docs/diagnostics.md</c> (what, why, how to fix).
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "InfraGen";
    // One section per ID in docs/diagnostics.md; GitHub anchors are the lower-case ID.
    private const string HelpBase = "https://github.com/cogrion/cogrion-infragen/blob/main/docs/diagnostics.md#";

    /// <summary>Image tag '{0}' is not allowed: {1}.</summary>
    public static readonly DiagnosticDescriptor ImageTagLiteral = new DiagnosticDescriptor(
        ImageTagLiteralAnalyzer.DiagnosticId,
        "Image tag is not a pinned sha- tag",
        "Image tag '{0}' is not allowed: {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        "Every deployment is pinned to a commit: image tags are sha- followed by 7 to 40 lower-case hex digits; 'latest' and empty tags are never deployed.",
        HelpBase + "infra0001");

    /// <summary>{0} is a string where an ImageTag goes{1}: …</summary>
    public static readonly DiagnosticDescriptor ImageTagString = new DiagnosticDescriptor(
        ImageTagStringAnalyzer.DiagnosticId,
        "A string where an image tag goes",
        "{0} is a string where an ImageTag goes{1}: image tags are not written in the model; they live in model/releases.yaml, one line per cluster and app. Use the cluster's tag, context.ImageTag (the values function's AppContext), and set it with `infragen set-image --cluster <cluster> --app <app> --tag sha-…`.",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        "Image tags are data, not code: each cluster's tag of each app is one line of model/releases.yaml, which CI edits (set-image) and reviewers promote (promote); the model reads it through context.ImageTag.",
        HelpBase + "infra0011");

    /// <summary>{0} '{1}' is not {2}.</summary>
    public static readonly DiagnosticDescriptor NameLiteral = new DiagnosticDescriptor(
        NameLiteralAnalyzer.DiagnosticId,
        "Name is not a DNS-1123 label",
        "{0} '{1}' is not {2}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        "Chart, app, environment, region and namespace names become Kubernetes names and directory names of the generated tree.",
        HelpBase + "infra0002");

    /// <summary>'{0}' cannot be a [HelmValues] record: {1}.</summary>
    public static readonly DiagnosticDescriptor ValuesRecordShape = new DiagnosticDescriptor(
        ValuesRecordShapeAnalyzer.DiagnosticId,
        "[HelmValues] type is not a partial record",
        "'{0}' cannot be a [HelmValues] record: {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        "The generator adds a writer, chart defaults and a schema to each values record as another part of the record: it must be a partial, non-positional record class at namespace level.",
        HelpBase + "infra0003");

    /// <summary>Property '{0}' of '{1}' has type '{2}', which cannot be rendered to YAML: {3}; allowed are ... .</summary>
    public static readonly DiagnosticDescriptor ValuesPropertyType = new DiagnosticDescriptor(
        ValuesPropertyTypeAnalyzer.DiagnosticId,
        "Values property type cannot be rendered to YAML",
        "Property '{0}' of '{1}' has type '{2}', which cannot be rendered to YAML: {3}; allowed are " + InfraGenGenerator.Parser.AllowedTypes,
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        "Each values property is written to YAML and described in values.schema.json without reflection, so its type must be one the generator knows.",
        HelpBase + "infra0004");

    /// <summary>Chart '{0}' has more than one [HelmValues] record: '{1}' and '{2}'.</summary>
    public static readonly DiagnosticDescriptor DuplicateChart = new DiagnosticDescriptor(
        DuplicateChartAnalyzer.DiagnosticId,
        "Two [HelmValues] records for one chart",
        "Chart '{0}' has more than one [HelmValues] record: '{1}' and '{2}'; a chart has exactly one values record",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        "A chart has one values.schema.json and one set of defaults, so exactly one record describes its values.",
        HelpBase + "infra0005",
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>This literal looks like {0}: keep secrets in AWS Secrets Manager and reference them with an AppSecret.</summary>
    public static readonly DiagnosticDescriptor SecretLiteral = new DiagnosticDescriptor(
        SecretLiteralAnalyzer.DiagnosticId,
        "Secret in source",
        "This literal looks like {0}: keep secrets in AWS Secrets Manager and reference them with an AppSecret",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        "The model and the generated tree are committed to Git and read by everyone with access: a secret written here is leaked.",
        HelpBase + "infra0006");

    /// <summary>Property '{0}' of '{1}' looks like a secret and is given a literal: values may hold only references to secrets (...).</summary>
    public static readonly DiagnosticDescriptor SecretProperty = new DiagnosticDescriptor(
        SecretPropertyAnalyzer.DiagnosticId,
        "Secret value in a values record",
        "Property '{0}' of '{1}' looks like a secret and is given a literal: values may hold only references to secrets (an AppSecret, or the name of a Secret and its key)",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        "Values files are committed to Git in plain text; secrets come from AWS Secrets Manager through the chart's ExternalSecret.",
        HelpBase + "infra0007");

    /// <summary>'{1}' and '{2}' are both [InfraModel] classes; a model project has exactly one ({0} is unused: the shared key).</summary>
    public static readonly DiagnosticDescriptor DuplicateInfraModel = new DiagnosticDescriptor(
        DuplicateInfraModelAnalyzer.DiagnosticId,
        "More than one [InfraModel] class",
        "'{1}' and '{2}' are both [InfraModel] classes; a model project has exactly one",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        "The generated program builds the estate from the one [InfraModel] class of the project.",
        HelpBase + "infra0008",
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>[InfraModel] class '{0}' cannot be created by the generated catalog: {1}.</summary>
    public static readonly DiagnosticDescriptor InfraModelShape = new DiagnosticDescriptor(
        InfraModelShapeAnalyzer.DiagnosticId,
        "[InfraModel] class cannot be created",
        "[InfraModel] class '{0}' cannot be created by the generated catalog: {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        "The generated catalog creates the model with 'new T()' and calls its IInfraModel.Define().",
        HelpBase + "infra0009");

    /// <summary>Property '{0}' of '{1}' has YAML key '{2}', which {3}.</summary>
    public static readonly DiagnosticDescriptor YamlKey = new DiagnosticDescriptor(
        YamlKeyAnalyzer.DiagnosticId,
        "YAML key is empty or taken",
        "Property '{0}' of '{1}' has YAML key '{2}', which {3}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        "Each property of a values record is one key of a YAML map, and a map's keys are unique and non-empty.",
        HelpBase + "infra0010");

    /// <summary>Property '{0}' of '{1}' has no default and is not required: … (key '{2}').</summary>
    public static readonly DiagnosticDescriptor ValuesPropertyDefault = new DiagnosticDescriptor(
        ValuesPropertyDefaultAnalyzer.DiagnosticId,
        "Values property has no default and is not required",
        "Property '{0}' of '{1}' has no default and is not required, so a cluster that does not set it gets null: give it a chart default (an initializer, '= …') or make it 'required' so each cluster sets it; making it nullable instead leaves key '{2}' out of the values wherever it is null, and a chart template that reads it unguarded then fails the build (INFRA2112)",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        "A values property is either a chart default (it has an initializer) or set by every cluster (it is required); a non-nullable one that is neither would be null where no cluster sets it.",
        HelpBase + "infra0012");
}
