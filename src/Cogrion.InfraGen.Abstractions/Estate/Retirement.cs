using System.Runtime.CompilerServices;

namespace Cogrion.InfraGen;

/// <summary>
/// An app or a cluster removed from the model on purpose (<see cref="Estate.Retired"/>): generating then removes its
/// Applications from the tree, and Argo CD deletes what they deployed (each child Application carries the resources
/// finalizer). Without one, removing an app or cluster is an error that names what would be deleted where.
/// </summary>
/// <param name="Name">The app's or the cluster's name (<c>observability</c>, <c>prod-fra-1</c>).</param>
/// <param name="Reason">Why it goes; shown when the files are removed.</param>
/// <param name="File">Filled by the compiler.</param>
/// <param name="Line">Filled by the compiler.</param>
public sealed record Retirement(string Name, string Reason, [CallerFilePath] string File = "", [CallerLineNumber] int Line = 0)
{
    /// <summary>Where the retirement is declared.</summary>
    public SourceLocation DeclaredAt => new(File, Line);
}
