using Cogrion.InfraGen.Diagnostics;

namespace Cogrion.InfraGen.Loading;

/// <summary>
/// The apps the framework gives a role: Argo CD's own (<see cref="Estate.ArgoCdApp"/>, which must live in the argocd
/// namespace) and the secret store's (<see cref="Estate.SecretStoreApp"/>). Each must be one of the estate's apps.
/// </summary>
internal static class PlatformApps
{
    /// <summary>Checks both; returns the secret store's app when it is one of <paramref name="apps"/>, else null.</summary>
    public static App? Check(Estate estate, List<App> apps, List<InfraDiagnostic> diagnostics)
    {
        if (estate.ArgoCdApp is { } argocd)
        {
            if (!apps.Contains(argocd))
            {
                diagnostics.Add(ModelErrors.NotAnApp("ArgoCdApp", argocd.Name, argocd.DeclaredAt));
            }
            else if (argocd.Namespace != Rendering.ArgoCdManifests.ArgoCdNamespace)
            {
                diagnostics.Add(ModelErrors.ArgoCdNamespace(argocd.Name, argocd.Namespace, Rendering.ArgoCdManifests.ArgoCdNamespace, argocd.DeclaredAt));
            }
        }

        if (estate.SecretStoreApp is { } store && !apps.Contains(store))
        {
            diagnostics.Add(ModelErrors.NotAnApp("SecretStoreApp", store.Name, store.DeclaredAt));
            return null;
        }

        return estate.SecretStoreApp;
    }
}
