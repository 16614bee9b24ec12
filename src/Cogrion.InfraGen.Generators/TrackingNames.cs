namespace Cogrion.InfraGen.Generators;

/// <summary>Names of the incremental pipeline's stages, so tests can assert each one is cached.</summary>
public static class TrackingNames
{
    /// <summary>Every <c>[HelmValues]</c> type, parsed (null for one an analyzer reports).</summary>
    public const string ParsedRoots = nameof(ParsedRoots);

    /// <summary>The roots that can be generated.</summary>
    public const string ValuesRoots = nameof(ValuesRoots);

    /// <summary>Every record each root reaches (shared records repeat).</summary>
    public const string ValuesRecords = nameof(ValuesRecords);

    /// <summary>All reached records in one array.</summary>
    public const string AllRecords = nameof(AllRecords);

    /// <summary>Each record once, ordered by full name.</summary>
    public const string DistinctRecords = nameof(DistinctRecords);

    /// <summary>A catalog line per root.</summary>
    public const string CatalogEntries = nameof(CatalogEntries);

    /// <summary>All catalog lines in one array.</summary>
    public const string AllCatalogEntries = nameof(AllCatalogEntries);

    /// <summary>Every <c>[InfraModel]</c> class.</summary>
    public const string ModelClasses = nameof(ModelClasses);

    /// <summary>All <c>[InfraModel]</c> classes in one array.</summary>
    public const string AllModelClasses = nameof(AllModelClasses);

    /// <summary>Whether the project is an executable with the pipeline host.</summary>
    public const string CompilationFacts = nameof(CompilationFacts);

    /// <summary>What the catalog is made from.</summary>
    public const string Catalog = nameof(Catalog);

    /// <summary>Every <c>new App&lt;T&gt;(…)</c>-like creation, parsed (null for one that is not an app declaration).</summary>
    public const string ParsedAppDeclarations = nameof(ParsedAppDeclarations);

    /// <summary>Each app declaration's values function: its assignments and the model members it uses.</summary>
    public const string AppOrigins = nameof(AppOrigins);

    /// <summary>All app declarations in one array.</summary>
    public const string AllAppOrigins = nameof(AllAppOrigins);

    /// <summary>What the catalog's value origins are made from.</summary>
    public const string ValueOrigins = nameof(ValueOrigins);
}
