namespace Cogrion.InfraGen.Rendered.Checks;

/// <summary>
/// INFRA4110: object names Kubernetes accepts: a DNS-1123 label (63 characters) for the kinds whose names become DNS
/// labels (Namespace, Service), else a DNS-1123 subdomain (253 characters).
/// </summary>
public sealed class NameCheck : IReleaseCheck
{
    private static readonly HashSet<string> LabelNamed = ["Namespace", "Service"];

    public IEnumerable<RenderFinding> Check(RenderFacts facts, RenderedRelease release)
    {
        foreach (var obj in release.Objects)
        {
            var name = obj.Name;
            if (obj.Group == "" && LabelNamed.Contains(obj.Kind))
            {
                if (DnsLabel.Problem(name) is { } problem)
                {
                    yield return new RenderFinding("INFRA4110", obj, "/metadata/name", $"name '{name}' is not allowed for a {obj.Kind}: it must be {DnsLabel.Rule}; {problem}.");
                }
            }
            else if (SubdomainProblem(name) is { } problem)
            {
                yield return new RenderFinding("INFRA4110", obj, "/metadata/name",
                    $"name '{name}' is not allowed: it must be a DNS-1123 subdomain (1 to 253 characters, DNS-1123 labels joined by '.'); {problem}.");
            }
        }
    }

    private static string? SubdomainProblem(string name)
    {
        if (name.Length is 0 or > 253)
        {
            return name.Length == 0 ? "it is empty" : $"it is {name.Length} characters long";
        }

        foreach (var label in name.Split('.'))
        {
            if (DnsLabel.Problem(label) is { } problem)
            {
                return $"its part '{label}': {problem}";
            }
        }

        return null;
    }
}
