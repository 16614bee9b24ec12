using Cogrion.Infra;
using Cogrion.InfraGen.Pipeline;
using Cogrion.InfraGen.Rendered;
using Cogrion.InfraGen.Tests.Support;

namespace Cogrion.InfraGen.Tests.Rendered;

/// <summary>
/// An object an app's pods need that its chart does not render (argo-cd's Secret argocd-redis, made by a hook Job at
/// sync) is declared on the app with where it comes from: the render check counts it as present and lists it, and
/// refuses a declaration that no longer holds (INFRA4303).
/// </summary>
[Trait("Speed", "Slow")]
[Collection(HelmCollection.Name)]
public sealed class ExternalObjectTests
{
    [Fact]
    public void A_Secret_a_hook_makes_at_sync_is_INFRA4102_until_the_app_declares_it_external_and_then_it_is_listed()
    {
        var undeclared = Render(ArgoCd.App, []);
        var declared = Render(ArgoCd.App, ArgoCd.App.ExternalObjects);

        // Four pods read it, on each cluster.
        Assert.Equal(8, undeclared.Diagnostics.Count);
        Assert.All(undeclared.Diagnostics, d => Assert.Equal("INFRA4102", d.Code));
        Assert.All(undeclared.Diagnostics, d => Assert.Contains("reads Secret 'argocd-redis'", d.Message, StringComparison.Ordinal));
        Assert.Contains("declared in the app's ExternalObjects", undeclared.Diagnostics[0].Message, StringComparison.Ordinal);

        Assert.Empty(declared.Diagnostics);
        Assert.Empty(declared.Accepted);
        Assert.StartsWith("Secret/argocd-redis of app 'argocd' in namespace 'argocd': made at sync by the chart's redis-secret-init Job", Assert.Single(declared.External));
    }

    [Fact]
    public void An_external_object_the_chart_renders_after_all_is_INFRA4303_at_its_declaration()
    {
        var external = new ExternalObject("ServiceAccount", "{release}", "made by hand");

        var report = Render(ControlPlane.App, [external]);

        var problem = Assert.Single(report.Diagnostics);
        Assert.Equal("INFRA4303", problem.Code);
        Assert.StartsWith("App 'control-plane' declares ServiceAccount '{release}' external (ExternalObjects), but its chart renders it on cluster 'dev-sgp-1' (template control-plane/templates/serviceaccount.yaml)", problem.Message);
        Assert.Equal(external.DeclaredAt, problem.Location);
    }

    [Fact]
    public void An_external_object_no_pod_reads_is_INFRA4303()
    {
        var report = Render(ControlPlane.App, [new ExternalObject("Secret", "nobody-reads-this", "left over")]);

        var problem = Assert.Single(report.Diagnostics);
        Assert.Equal("INFRA4303", problem.Code);
        Assert.StartsWith("App 'control-plane' declares Secret 'nobody-reads-this' external (ExternalObjects), but no pod of the app reads it on any cluster", problem.Message);
    }

    /// <summary>The real estate rendered with <paramref name="app"/> declaring <paramref name="external"/>; that app's findings only.</summary>
    private static RenderReport Render<TValues>(App<TValues> app, IReadOnlyList<ExternalObject> external)
        where TValues : IHelmValues<TValues>
    {
        var declaring = new App<TValues>(app.Chart, context => (TValues?)app.ValuesFor(context))
        {
            Namespace = app.Namespace, RunsOn = app.RunsOn, DependsOn = app.DependsOn, Secrets = app.Secrets, IgnoreDifferences = app.IgnoreDifferences,
            SyncPolicy = app.SyncPolicy, AcceptedFindings = app.AcceptedFindings, ExternalObjects = external,
        };
        var catalog = RealCatalog.With(estate => estate with
        {
            Apps = [.. estate.Apps.Select(a => a.Name != app.Name ? a : declaring)],
            ArgoCdApp = app == estate.ArgoCdApp ? declaring : estate.ArgoCdApp,
        });
        return InfraPipeline.RenderWithHelm(catalog, RealModel.Paths, PinnedHelm.Options(app: app.Name)).Report;
    }
}
