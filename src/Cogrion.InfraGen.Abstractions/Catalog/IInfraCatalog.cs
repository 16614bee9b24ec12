namespace Cogrion.InfraGen;

/// <summary>
/// What the source generator knows about a model project, so the pipeline needs no reflection:
/// the class that defines the estate, and every <c>[HelmValues]</c> record.
/// </summary>
public interface IInfraCatalog
{
    /// <summary>Every values type of the project, ordered by chart name.</summary>
    IReadOnlyList<HelmValuesInfo> Charts { get; }

    /// <summary>A new instance of the <c>[InfraModel]</c> class.</summary>
    IInfraModel CreateModel();

    /// <summary>Where each app's values are set in the model's code (for <c>infragen explain</c>); none unless generated.</summary>
    ValueOrigins Origins => ValueOrigins.None;
}
