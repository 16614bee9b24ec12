using System.Reflection;

namespace Cogrion.InfraGen.Helm;

/// <summary>
/// The one Helm version InfraGen renders with, read from <c>eng/helm.pin</c> (embedded at build): the install script,
/// the GitHub workflow and this code all read that one file, so the version is written once.
/// </summary>
public static class HelmPin
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Entries = new(Read);

    /// <summary>The pinned version as <c>helm version --template '{{.Version}}'</c> prints it (<c>v4.1.4</c>).</summary>
    public static string Version => Entries.Value["version"];

    /// <summary>The sha256 of the pinned linux-amd64 binary.</summary>
    public static string Sha256 => Entries.Value["sha256"];

    /// <summary>How to get the pinned Helm, for error messages.</summary>
    public static string HowToGet =>
        $"run eng/get-helm.sh (it installs Helm {Version} into a cache, checks its sha256 and prints its path), then set INFRAGEN_HELM to that path, pass --helm, or set the MSBuild property InfraGenHelm";

    private static IReadOnlyDictionary<string, string> Read()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Cogrion.InfraGen.helm.pin")
            ?? throw new InvalidOperationException("eng/helm.pin is missing from the build.");
        using var reader = new StreamReader(stream);
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var equals = line.IndexOf('=');
            if (line.StartsWith('#') || equals <= 0)
            {
                continue;
            }

            entries[line[..equals].Trim()] = line[(equals + 1)..].Trim();
        }

        return entries;
    }
}
