namespace Cogrion.InfraGen.Inspection;

/// <summary>Where an app's declaration sets one of its own properties (<c>DependsOn = […]</c>, <c>Secrets = […]</c>).</summary>
public static class DeclarationSetting
{
    /// <summary>The line setting <paramref name="property"/> when the source generator recorded it, else the declaration's.</summary>
    public static SourceLocation Line(ValueOrigins origins, App app, string property) =>
        origins.Function(app.ValuesInfo.TypeName) is { } function && function.Settings.TryGetValue(property, out var line)
            ? new SourceLocation(function.At.File, line)
            : app.DeclaredAt;
}
