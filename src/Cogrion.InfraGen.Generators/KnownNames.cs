namespace Cogrion.InfraGen.Generators;

/// <summary>Metadata names of the vocabulary types the generator looks for.</summary>
internal static class KnownNames
{
    public const string HelmValuesAttribute = "Cogrion.InfraGen.HelmValuesAttribute";
    public const string InfraModelAttribute = "Cogrion.InfraGen.InfraModelAttribute";
    public const string YamlNameAttribute = "Cogrion.InfraGen.YamlNameAttribute";
    public const string ScalarSchemaAttribute = "Cogrion.InfraGen.ScalarSchemaAttribute";
    public const string ScalarValueInterface = "Cogrion.InfraGen.IScalarValue";
    public const string Host = "Cogrion.InfraGen.Hosting.InfraGenHost";

    public const string Docs = "global::Cogrion.InfraGen.Documents";
}
