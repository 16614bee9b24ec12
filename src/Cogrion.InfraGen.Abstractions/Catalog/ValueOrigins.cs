namespace Cogrion.InfraGen;

/// <summary>
/// One assignment that sets a values key: in an app's values function (<c>ReplicaCount = Conventions.Replicas(cluster)</c>)
/// or in a model member it calls (<c>BaseDomain = ServiceDomain(cluster, "cplane")</c> in <c>Conventions.Global</c>).
/// </summary>
/// <param name="Path">The dotted YAML path it sets, relative to the record its function returns (<c>global.baseDomain</c>; list items share their property's path).</param>
/// <param name="Line">Its line in the function's file.</param>
/// <param name="Condition">The condition it is under (<c>cluster.Env.IsProduction</c>, <c>not …</c>), or null.</param>
/// <param name="Uses">The model members its value uses, in source order: ids of <see cref="ModelMember"/>s.</param>
public sealed record ValueAssignment(string Path, int Line, string? Condition, IReadOnlyList<string> Uses);

/// <summary>An app declaration as the source generator read it: its values function and the settings of the declaration.</summary>
/// <param name="ValuesType">The values record's full name (<see cref="HelmValuesInfo.TypeName"/>): the app it belongs to.</param>
/// <param name="At">The values function.</param>
/// <param name="Assignments">What the function assigns, outermost first.</param>
/// <param name="Settings">The declaration's own settings (<c>DependsOn</c>, <c>Secrets</c>, …) by name, with their lines.</param>
public sealed record ValuesFunctionOrigin(string ValuesType, SourceLocation At, IReadOnlyList<ValueAssignment> Assignments, IReadOnlyDictionary<string, int> Settings);

/// <summary>
/// A member of the model that a values function uses, directly or through another member: a method
/// (<c>M:</c> id, <c>Conventions.ServiceDomain</c>), a field or constant (<c>F:</c>), a property (<c>P:</c>) or a local variable
/// of a values function (<c>L:</c>).
/// </summary>
/// <param name="Id">Its documentation comment id (<c>M:Cogrion.Infra.Conventions.Global(Cogrion.InfraGen.Cluster)</c>), or <c>L:file:line:name</c> for a local.</param>
/// <param name="Name">As a person names it: <c>Conventions.Global</c>, <c>database</c>.</param>
/// <param name="At">Its declaration.</param>
/// <param name="Assignments">What it assigns when it returns a values record by an object initializer; else empty.</param>
/// <param name="Uses">The members its body or initializer uses.</param>
public sealed record ModelMember(string Id, string Name, SourceLocation At, IReadOnlyList<ValueAssignment> Assignments, IReadOnlyList<string> Uses);

/// <summary>
/// Where the values of each app are set, as the source generator read the model's code: what <c>infragen explain</c>
/// follows from a value to the assignment that set it and the conventions that computed it.
/// </summary>
public sealed class ValueOrigins
{
    private readonly Dictionary<string, ValuesFunctionOrigin> _functions;
    private readonly Dictionary<string, ModelMember> _members;

    /// <summary>Creates the origins; the generated catalog does this.</summary>
    public ValueOrigins(IReadOnlyList<ValuesFunctionOrigin> functions, IReadOnlyList<ModelMember> members)
    {
        _functions = functions.ToDictionary(f => f.ValuesType, StringComparer.Ordinal);
        _members = members.ToDictionary(m => m.Id, StringComparer.Ordinal);
    }

    /// <summary>No origins: a catalog written by hand, or a model whose generator predates them.</summary>
    public static ValueOrigins None { get; } = new([], []);

    /// <summary>The values function of the app whose values record is <paramref name="valuesType"/>, or null.</summary>
    public ValuesFunctionOrigin? Function(string valuesType) => _functions.GetValueOrDefault(valuesType);

    /// <summary>The member with <paramref name="id"/>, or null.</summary>
    public ModelMember? Member(string id) => _members.GetValueOrDefault(id);
}
