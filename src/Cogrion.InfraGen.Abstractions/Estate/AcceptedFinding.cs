using System.Runtime.CompilerServices;

namespace Cogrion.InfraGen;

/// <summary>
/// A render-check finding the model accepts on purpose, with the reason: a defect of an upstream chart that no value
/// can switch off and that does no harm. Accepted findings are listed by every render run; one that no longer occurs is
/// itself an error (INFRA4302), so the acceptance goes when the upstream chart is fixed.
/// </summary>
/// <param name="Code">The finding's ID (INFRA4105).</param>
/// <param name="Object">
/// The object as the finding names it, <c>Kind/name</c> under the Argo CD release name; <c>{release}</c> stands for that name
/// (the app's), so an upstream chart's <c>{release}-worker-headless</c> is written without spelling the app's name again.
/// </param>
/// <param name="Reason">Why it is accepted: what is wrong upstream and why it is harmless (shown in every run).</param>
/// <param name="File">Filled by the compiler.</param>
/// <param name="Line">Filled by the compiler.</param>
public sealed record AcceptedFinding(string Code, string Object, string Reason, [CallerFilePath] string File = "", [CallerLineNumber] int Line = 0)
{
    /// <summary>What <c>{release}</c> in <see cref="Object"/> stands for.</summary>
    public const string ReleasePlaceholder = "{release}";

    /// <summary>Where the acceptance is declared.</summary>
    public SourceLocation DeclaredAt => new(File, Line);

    /// <summary>The object's <c>Kind/name</c> under the release <paramref name="release"/>.</summary>
    public string ObjectUnder(string release) => Object.Replace(ReleasePlaceholder, release, StringComparison.Ordinal);
}
