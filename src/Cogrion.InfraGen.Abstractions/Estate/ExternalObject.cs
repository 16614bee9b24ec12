using System.Runtime.CompilerServices;

namespace Cogrion.InfraGen;

/// <summary>
/// An object the app's pods need that its chart does not render, so the render check cannot see it: one made while Argo
/// CD syncs (by a Helm hook Job, which Argo CD runs as a sync hook), by a controller, or outside the tree. Declared with
/// where it comes from, it counts as present in the app's namespace for the render check's references (a Secret or
/// ConfigMap a pod reads, INFRA4102, with any key; a ServiceAccount a pod runs as, INFRA4109) and is listed on every
/// render run. The declaration must stay true: one the app's chart renders after all, or that no pod of the app reads,
/// is an error (INFRA4303).
/// </summary>
/// <param name="Kind"><c>Secret</c>, <c>ConfigMap</c> or <c>ServiceAccount</c>: the kinds the render check looks up.</param>
/// <param name="Name">
/// Its name, in the app's namespace; <c>{release}</c> stands for the Argo CD release name (the app's), for an object a
/// chart names after the release.
/// </param>
/// <param name="Reason">What makes it and when (shown in every render run).</param>
/// <param name="File">Filled by the compiler.</param>
/// <param name="Line">Filled by the compiler.</param>
public sealed record ExternalObject(string Kind, string Name, string Reason, [CallerFilePath] string File = "", [CallerLineNumber] int Line = 0)
{
    /// <summary>Where the object is declared.</summary>
    public SourceLocation DeclaredAt => new(File, Line);

    /// <summary>Its name under the release <paramref name="release"/>.</summary>
    public string NameUnder(string release) => Name.Replace(AcceptedFinding.ReleasePlaceholder, release, StringComparison.Ordinal);
}
