namespace Cogrion.InfraGen;

/// <summary>Fields of one kind of object that Argo CD does not compare (an entry of an Application's <c>ignoreDifferences</c>).</summary>
/// <param name="Group">The API group (empty for the core group).</param>
/// <param name="Kind">The kind.</param>
/// <param name="JsonPointers">The ignored fields, as JSON pointers (<c>/data</c>).</param>
/// <param name="Reason">Why the field differs from the render on the cluster: for the reader of the model.</param>
public sealed record IgnoredDifference(string Group, string Kind, IReadOnlyList<string> JsonPointers, string Reason)
{
    /// <summary>Only the object of this name; all objects of the kind when null.</summary>
    public string? Name { get; init; }

    /// <summary>Fields given as jq path expressions (<c>.webhooks[]?.clientConfig.caBundle</c>), for lists.</summary>
    public IReadOnlyList<string> JqPathExpressions { get; init; } = [];
}
