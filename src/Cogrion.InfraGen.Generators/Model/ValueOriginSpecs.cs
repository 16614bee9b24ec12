namespace Cogrion.InfraGen.Generators.Model;

/// <summary>One assignment that sets a values key (see the vocabulary's <c>ValueAssignment</c>).</summary>
/// <param name="Path">The dotted YAML path, relative to the record the function returns.</param>
/// <param name="Line">1-based line in the function's file.</param>
/// <param name="Condition">The condition it is under, as written (<c>cluster.Env.IsProduction</c>, <c>not …</c>), or null.</param>
/// <param name="Uses">Ids of the model members its value uses, in source order.</param>
internal sealed record AssignmentSpec(string Path, int Line, string? Condition, EquatableArray<string> Uses);

/// <summary>A model member a values function uses: a method, field, property or local (see <c>ModelMember</c>).</summary>
internal sealed record MemberSpec(string Id, string Name, string File, int Line, EquatableArray<AssignmentSpec> Assignments, EquatableArray<string> Uses);

/// <summary>A setting of an app declaration's object initializer (<c>DependsOn</c>) and its line.</summary>
internal sealed record AppSettingSpec(string Name, int Line);

/// <summary>
/// An <c>App&lt;TValues&gt;</c> declaration: its values function's assignments, its settings, and every model member
/// the function reaches (so a change to a convention it calls changes this spec, and nothing else does).
/// </summary>
internal sealed record AppOriginSpec(
    string ValuesType,
    string File,
    int Line,
    EquatableArray<AssignmentSpec> Assignments,
    EquatableArray<AppSettingSpec> Settings,
    EquatableArray<MemberSpec> Members);
