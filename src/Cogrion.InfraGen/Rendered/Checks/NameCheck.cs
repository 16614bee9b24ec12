using System.Text.RegularExpressions;

namespace Cogrion.InfraGen.Rendered.Checks;

/// <summary>
/// INFRA4110: object names the API server accepts (apimachinery's validation): a DNS-1035 label for a Service (its
/// name becomes a DNS name and an environment variable prefix), a DNS-1123 label for a Namespace, a path segment for
/// the RBAC kinds (<c>system:aggregate-to-view</c> is valid), else a DNS-1123 subdomain.
/// </summary>
public sealed partial class NameCheck : IReleaseCheck
{
    private static readonly HashSet<string> RbacKinds = ["Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"];

    public IEnumerable<RenderFinding> Check(RenderFacts facts, RenderedRelease release)
    {
        foreach (var obj in release.Objects)
        {
            if (Problem(obj) is { } rule)
            {
                yield return new RenderFinding("INFRA4110", obj, "/metadata/name", $"name '{obj.Name}' is not allowed for a {obj.Kind}: it must be {rule}.");
            }
        }
    }

    /// <summary>The rule the object's name breaks, or null.</summary>
    private static string? Problem(RenderedObject obj)
    {
        var name = obj.Name;
        return (obj.Group, obj.Kind) switch
        {
            ("", "Service") => name.Length <= 63 && Dns1035Label().IsMatch(name) ? null
                : "a DNS-1035 label: 1 to 63 lower-case letters, digits and '-', starting with a letter and ending with a letter or digit",
            ("", "Namespace") => name.Length <= 63 && Dns1123Label().IsMatch(name) ? null
                : "a DNS-1123 label: 1 to 63 lower-case letters, digits and '-', starting and ending with a letter or digit",
            ("rbac.authorization.k8s.io", var kind) when RbacKinds.Contains(kind) => name.Length > 0 && name is not ("." or "..") && !name.Contains('/') && !name.Contains('%') ? null
                : "a path segment: not empty, not '.' or '..', without '/' or '%'",
            _ => name.Length <= 253 && Dns1123Subdomain().IsMatch(name) ? null
                : "a DNS-1123 subdomain: 1 to 253 lower-case letters, digits, '-' and '.', starting and ending with a letter or digit",
        };
    }

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1035Label();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1123Label();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1123Subdomain();
}
