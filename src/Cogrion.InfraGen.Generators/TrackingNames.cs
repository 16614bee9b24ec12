namespace Cogrion.InfraGen.Generators;

/// <summary>Names of the incremental pipeline's stages, so tests can assert each one is cached.</summary>
public static class TrackingNames
{
    public const string ValuesRoots = nameof(ValuesRoots);
    public const string ValuesRecords = nameof(ValuesRecords);
    public const string DistinctRecords = nameof(DistinctRecords);
    public const string CatalogEntries = nameof(CatalogEntries);
    public const string ModelClasses = nameof(ModelClasses);
    public const string CompilationFacts = nameof(CompilationFacts);
    public const string Catalog = nameof(Catalog);
}
