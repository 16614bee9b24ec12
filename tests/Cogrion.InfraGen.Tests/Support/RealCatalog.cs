using Cogrion.InfraGen.Generated;

namespace Cogrion.InfraGen.Tests.Support;

/// <summary>The real model's catalog with its estate changed in code (an app's property, a cluster added).</summary>
public sealed class RealCatalog(Func<Estate, Estate> change) : IInfraCatalog
{
    private static readonly InfraCatalog Real = new();

    /// <summary>The real catalog whose estate is <paramref name="change"/>d.</summary>
    public static RealCatalog With(Func<Estate, Estate> change) => new(change);

    public IReadOnlyList<HelmValuesInfo> Charts => Real.Charts;

    public IInfraModel CreateModel() => new Model(() => change(Real.CreateModel().Define()));

    private sealed class Model(Func<Estate> define) : IInfraModel
    {
        public Estate Define() => define();
    }
}
