namespace Cogrion.Infra;

/// <summary>Values of the argocd chart: an umbrella over the argo-cd chart, installed once by hand, then managing itself.</summary>
[HelmValues("argocd")]
public partial record ArgoCdValues
{
    /// <summary>Values of the upstream argo-cd chart.</summary>
    [YamlName("argo-cd")]
    [SubchartValues]
    public ArgoCdChartValues ArgoCd { get; init; } = new();
}

/// <summary>The argo-cd chart's values that the estate sets.</summary>
public partial record ArgoCdChartValues
{
    /// <summary>Dex, Argo CD's single sign-on broker: off, the estate configures no SSO (log in as admin, README).</summary>
    public Toggle Dex { get; init; } = new();

    /// <summary>Argo CD's configuration.</summary>
    public ArgoCdConfigs Configs { get; init; } = new();
}

/// <summary>Argo CD's ConfigMaps.</summary>
public partial record ArgoCdConfigs
{
    /// <summary>argocd-cm.</summary>
    public ArgoCdCm Cm { get; init; } = new();
}

/// <summary>Entries of argocd-cm (the chart merges them into its defaults).</summary>
public partial record ArgoCdCm
{
    /// <summary>
    /// The health of an Application as a resource of another Application: without it (removed in Argo CD 1.8) the root
    /// counts a child Application healthy as soon as it exists, and sync waves would not wait for the apps before them.
    /// </summary>
    [YamlName("resource.customizations.health.argoproj.io_Application")]
    public string ApplicationHealth { get; init; } = ArgoCdHealthChecks.Application;
}

/// <summary>Lua health checks for argocd-cm.</summary>
public static class ArgoCdHealthChecks
{
    /// <summary>The check Argo CD's documentation gives for App of Apps with sync waves ("Resource Health", Argo CD App).</summary>
    public const string Application =
        "hs = {}\n"
        + "hs.status = \"Progressing\"\n"
        + "hs.message = \"\"\n"
        + "if obj.status ~= nil then\n"
        + "  if obj.status.health ~= nil then\n"
        + "    hs.status = obj.status.health.status\n"
        + "    if obj.status.health.message ~= nil then\n"
        + "      hs.message = obj.status.health.message\n"
        + "    end\n"
        + "  end\n"
        + "end\n"
        + "return hs\n";
}

/// <summary>Argo CD: installed on each cluster once with Helm from this chart (out/README.md), then its own Application keeps it.</summary>
public static class ArgoCd
{
    public static readonly App<ArgoCdValues> App = new(
        new ChartSpec("0.1.0", "Argo CD, on the upstream argo-cd chart: it syncs this tree, itself included.")
        {
            Dependencies = [new ChartDependency("argo-cd", "10.1.1", "https://argoproj.github.io/argo-helm")],
        },
        context => new ArgoCdValues()) // Its CRDs carry ServerSideApply=true already (the chart's crds.annotations).
    {
        // Redis's password Secret: argo-cd chart 10.1.1 names it argocd-redis whatever the release, and makes it while Argo
        // CD syncs, before the pods that read it start, so `helm template` (the render check) cannot show it.
        ExternalObjects =
        [
            new("Secret", "argocd-redis",
                "made at sync by the chart's redis-secret-init Job (a Helm pre-install/pre-upgrade hook, which Argo CD runs as a PreSync hook: `argocd admin redis-initial-password`)"),
        ],
    };
}
