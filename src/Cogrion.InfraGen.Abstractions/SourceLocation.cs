namespace Cogrion.InfraGen;

/// <summary>Where in the model a record was declared: the file as the compiler saw it, and the line.</summary>
/// <remarks>Filled from <c>[CallerFilePath]</c>/<c>[CallerLineNumber]</c>, so every error can point at model source.</remarks>
public readonly record struct SourceLocation(string File, int Line)
{
    /// <summary>True when the location was never filled (the record was built without caller information).</summary>
    public bool IsUnknown => string.IsNullOrEmpty(File);

    /// <inheritdoc />
    public override string ToString() => IsUnknown ? "<unknown>" : $"{File}({Line})";
}
