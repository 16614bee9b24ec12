namespace Cogrion.InfraGen.Generators;

/// <summary>Metadata names of the vocabulary types the generator and the analyzers look for.</summary>
internal static class KnownNames
{
    public const string HelmValuesAttribute = "Cogrion.InfraGen.HelmValuesAttribute";
    public const string InfraModelAttribute = "Cogrion.InfraGen.InfraModelAttribute";
    public const string YamlNameAttribute = "Cogrion.InfraGen.YamlNameAttribute";
    public const string SubchartValuesAttribute = "Cogrion.InfraGen.SubchartValuesAttribute";
    public const string ScalarSchemaAttribute = "Cogrion.InfraGen.ScalarSchemaAttribute";
    public const string ScalarValueInterface = "Cogrion.InfraGen.IScalarValue";
    public const string HelmValuesInterface = "Cogrion.InfraGen.IHelmValues";
    public const string InfraModelInterface = "Cogrion.InfraGen.IInfraModel";
    public const string ImageTag = "Cogrion.InfraGen.ImageTag";
    public const string Env = "Cogrion.InfraGen.Env";
    public const string Region = "Cogrion.InfraGen.Region";
    public const string App = "Cogrion.InfraGen.App";
    public const string Host = "Cogrion.InfraGen.Hosting.InfraGenHost";

    public const string Docs = "global::Cogrion.InfraGen.Documents";
}
