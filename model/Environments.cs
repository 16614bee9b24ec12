namespace Cogrion.Infra;

/// <summary>The environment tiers.</summary>
public static class Envs
{
    /// <summary>Deploys on every merge to main of the app repository.</summary>
    public static readonly Env Dev = new("dev", IsProduction: false);

    /// <summary>
    /// Deploys by a reviewed one-line pull request (<c>infragen promote</c>): the approvers own prod's Argo CD files and
    /// values, and the charts, in the generated CODEOWNERS.
    /// </summary>
    public static readonly Env Prod = new("prod", IsProduction: true) { Approvers = ["@cogrion/platform-leads"] };
}

/// <summary>The regions the platform runs in.</summary>
public static class Regions
{
    public static readonly Region Sgp1 = new("sgp-1", "ap-southeast-1");

    public static readonly Region Fra1 = new("fra-1", "eu-central-1");
}
