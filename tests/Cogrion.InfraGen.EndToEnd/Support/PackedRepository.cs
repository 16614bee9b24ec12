using System.IO.Compression;
using System.Xml.Linq;

namespace Cogrion.InfraGen.EndToEnd.Support;

/// <summary>
/// Shared by every end-to-end test of a run (packing costs tens of seconds): a copy of this repository, both packages
/// packed from it into a local folder feed with the packages they depend on, and the tool installed from that feed.
/// The worktree the tests run from is only read.
/// </summary>
public sealed class PackedRepository : IDisposable
{
    public PackedRepository()
    {
        // tmpfs where there is one: builds here create and delete thousands of files.
        var scratch = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        Root = Path.Combine(scratch, "infragen-e2e", Guid.NewGuid().ToString("N"));
        Repo = Path.Combine(Root, "repo");
        Feed = Path.Combine(Root, "feed");
        Directory.CreateDirectory(Feed);
        NuGetConfig = Path.Combine(Root, "nuget.config");
        Tools = Path.Combine(Root, "tools");
        try
        {
            RepositoryFiles.Copy(RepositoryFiles.FindRoot(), Repo);
            (LibraryVersion, ToolVersion) = PackAndInstall();
        }
        catch
        {
            Dispose(); // xunit does not dispose a fixture whose constructor failed.
            throw;
        }
    }

    /// <summary>The scratch directory holding everything below.</summary>
    public string Root { get; }

    /// <summary>The copy of the repository.</summary>
    public string Repo { get; }

    /// <summary>The local folder feed.</summary>
    public string Feed { get; }

    /// <summary>A nuget.config whose only source is the feed.</summary>
    public string NuGetConfig { get; }

    /// <summary>Where the tool is installed.</summary>
    public string Tools { get; }

    public string LibraryVersion { get; }

    public string ToolVersion { get; }

    /// <summary>The installed tool's launcher.</summary>
    public string Infragen => Path.Combine(Tools, OperatingSystem.IsWindows() ? "infragen.exe" : "infragen");

    /// <summary>Points NuGet at a packages folder of this run's own.</summary>
    public IReadOnlyDictionary<string, string> IsolatedNuGet => new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(Root, "packages") };

    /// <summary>Runs the installed tool in the repository copy, whose model restores like any build of this repository.</summary>
    public CommandResult RunTool(string workingDirectory, params string[] arguments) => Command.Run(Infragen, arguments, workingDirectory);

    /// <summary>Runs the installed tool where packages must come from the feed alone (a consumer of the packages).</summary>
    public CommandResult RunToolFromFeed(string workingDirectory, params string[] arguments) => Command.Run(Infragen, arguments, workingDirectory, IsolatedNuGet);

    /// <summary>A nuget.config that clears every inherited source and adds only <paramref name="feed"/>.</summary>
    public static string FeedOnlyNuGetConfig(string feed) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="local-feed" value="{feed}" />
          </packageSources>
        </configuration>
        """;

    public static void Succeeds(CommandResult result) => Assert.True(result.ExitCode == 0, result.ToString());

    /// <summary>Packs both packages into the feed, adds what they depend on, installs the tool; returns the versions.</summary>
    private (string Library, string Tool) PackAndInstall()
    {
        Succeeds(Command.DotnetCli(Repo, "pack", "src/Cogrion.InfraGen.Cli/Cogrion.InfraGen.Cli.csproj", "-c", "Release", "-o", Feed));
        Succeeds(Command.DotnetCli(Repo, "pack", "src/Cogrion.InfraGen/Cogrion.InfraGen.csproj", "-c", "Release", "-o", Feed, "--no-build"));
        var libraryVersion = VersionOf("Cogrion.InfraGen");
        var toolVersion = VersionOf("Cogrion.InfraGen.Tool");
        AddDependenciesToFeed(Path.Combine(Feed, $"Cogrion.InfraGen.{libraryVersion}.nupkg"));

        // Restores below read only the feed, into packages of their own: nothing cached from elsewhere can stand in.
        File.WriteAllText(NuGetConfig, FeedOnlyNuGetConfig(Feed));
        Succeeds(Command.Run(Command.Dotnet, ["tool", "install", "Cogrion.InfraGen.Tool", "--version", toolVersion, "--tool-path", Tools, "--configfile", NuGetConfig, "--add-source", Feed], Root, IsolatedNuGet));
        return (libraryVersion, toolVersion);
    }

    private string VersionOf(string id)
    {
        var prefix = id + ".";
        var package = Directory.GetFiles(Feed, prefix + "*.nupkg")
            .Select(Path.GetFileNameWithoutExtension)
            .Single(name => char.IsDigit(name![prefix.Length]));
        return package![prefix.Length..];
    }

    /// <summary>Copies the packages the library depends on (and theirs) from the global packages folder into the feed.</summary>
    private void AddDependenciesToFeed(string package)
    {
        var globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var pending = new Queue<XDocument>([ReadNuspec(package)]);
        var copied = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (pending.TryDequeue(out var nuspec))
        {
            foreach (var dependency in DependenciesForNet10(nuspec))
            {
                var id = dependency.Attribute("id")!.Value.ToLowerInvariant();
                var version = dependency.Attribute("version")!.Value.Trim('[', ']');
                if (!copied.Add($"{id}/{version}"))
                {
                    continue;
                }

                var folder = Path.Combine(globalPackages, id, version);
                File.Copy(Path.Combine(folder, $"{id}.{version}.nupkg"), Path.Combine(Feed, $"{id}.{version}.nupkg"));
                pending.Enqueue(XDocument.Load(Path.Combine(folder, $"{id}.nuspec")));
            }
        }
    }

    /// <summary>The dependencies restore would take for a net10.0 project: the nearest .NET group, else .NET Standard's.</summary>
    private static IEnumerable<XElement> DependenciesForNet10(XDocument nuspec)
    {
        var groups = nuspec.Descendants().Where(e => e.Name.LocalName == "group").ToList();
        if (groups.Count == 0)
        {
            return nuspec.Descendants().Where(e => e.Name.LocalName == "dependency");
        }

        static (int Rank, Version Version) Rank(XElement group)
        {
            var framework = group.Attribute("targetFramework")?.Value ?? string.Empty;
            if (framework.StartsWith("net", StringComparison.Ordinal) && Version.TryParse(framework[3..], out var net) && net.Major is >= 5 and <= 10)
            {
                return (2, net);
            }

            return framework.StartsWith(".NETStandard", StringComparison.Ordinal) && Version.TryParse(framework[12..], out var standard) ? (1, standard) : (0, new Version());
        }

        var best = groups.MaxBy(g => Rank(g))!;
        return Rank(best).Rank == 0 ? [] : best.Elements().Where(e => e.Name.LocalName == "dependency");
    }

    private static XDocument ReadNuspec(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        using var stream = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XDocument.Load(stream);
    }

    public void Dispose()
    {
        BuildServers.Stop();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a scratch directory left behind holds nothing of value.
        }
    }
}

/// <summary>The tests that share one <see cref="PackedRepository"/>; xunit runs them one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PackedRepositoryCollection : ICollectionFixture<PackedRepository>
{
    public const string Name = "packed repository";
}
