using System.Security.Cryptography;
using System.Text;
using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Helm;
using Cogrion.InfraGen.Rendering;

namespace Cogrion.InfraGen.Rendered;

/// <summary>
/// Puts the rendered tree's charts and values files where Helm can read them: content-addressed directories under the
/// render cache (the tree may not be written yet, and a directory named by its content never needs rewriting), each
/// umbrella chart with its dependency packages in <c>charts/</c>, as <c>helm dependency build</c> would leave them.
/// </summary>
internal sealed class ChartSources(RenderedTree tree, HelmTool helm, string cacheDirectory, string? chartCache)
{
    private readonly Dictionary<string, string> _chartHashes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _packages = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    /// <summary>The directory of <paramref name="app"/>'s chart with its dependencies in place; throws with INFRA4003 when one is missing.</summary>
    public string ChartDirectory(App app)
    {
        var directory = Path.Combine(cacheDirectory, "charts", ChartHash(app), app.Name);
        lock (_gate)
        {
            if (!Directory.Exists(directory))
            {
                Materialize(app, directory);
            }
        }

        return directory;
    }

    /// <summary>A hash of everything Helm reads of the chart: its files in the tree and its dependency packages.</summary>
    public string ChartHash(App app)
    {
        lock (_gate)
        {
            if (_chartHashes.TryGetValue(app.Name, out var known))
            {
                return known;
            }

            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            foreach (var (path, text) in ChartFiles(app))
            {
                Add(hash, path);
                Add(hash, text);
            }

            foreach (var dependency in app.Chart.Dependencies)
            {
                Add(hash, $"{dependency.Name}@{dependency.Version}@{dependency.Repository}");
                if (chartCache is not null)
                {
                    hash.AppendData(Package(app, dependency));
                }
            }

            return _chartHashes[app.Name] = Convert.ToHexStringLower(hash.GetHashAndReset())[..24];
        }
    }

    /// <summary>The cluster's values file for the app, written under its content hash.</summary>
    public string ValuesFile(Cluster cluster, App app)
    {
        var text = tree.Files[TreeLayout.Values(cluster.Name, app.Name)].Text;
        var file = Path.Combine(cacheDirectory, "values", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..24] + ".yaml");
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            WriteAtomically(file, Encoding.UTF8.GetBytes(text));
        }

        return file;
    }

    private IEnumerable<(string Path, string Text)> ChartFiles(App app)
    {
        var prefix = TreeLayout.ChartDirectory(app.Name) + "/";
        return tree.Files.Values.Where(f => f.Path.StartsWith(prefix, StringComparison.Ordinal)).Select(f => (f.Path[prefix.Length..], f.Text));
    }

    private byte[] Package(App app, ChartDependency dependency)
    {
        var file = Path.Combine(chartCache!, $"{dependency.Name}-{dependency.Version}.tgz");
        if (_packages.TryGetValue(file, out var bytes))
        {
            return bytes;
        }

        if (!File.Exists(file))
        {
            throw new InfraGenException([RenderErrors.ChartPackageMissing(
                app.Name, dependency.Name, dependency.Version, dependency.Repository, $"the chart cache {chartCache} has no {Path.GetFileName(file)}", app.DeclaredAt)]);
        }

        return _packages[file] = File.ReadAllBytes(file);
    }

    private void Materialize(App app, string directory)
    {
        // Unique per call: two renders in one process (parallel tests, say) may materialize the same chart at once.
        var scratch = directory + $".{Guid.NewGuid():N}.tmp";

        foreach (var (path, text) in ChartFiles(app))
        {
            var file = Path.Combine(scratch, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, text, new UTF8Encoding(false));
        }

        if (app.Chart.Dependencies.Count > 0)
        {
            Directory.CreateDirectory(Path.Combine(scratch, "charts"));
            if (chartCache is not null)
            {
                foreach (var dependency in app.Chart.Dependencies)
                {
                    File.WriteAllBytes(Path.Combine(scratch, "charts", $"{dependency.Name}-{dependency.Version}.tgz"), Package(app, dependency));
                }
            }
            else
            {
                var built = helm.Run(["dependency", "build", scratch], scratch);
                if (built.ExitCode != 0)
                {
                    var first = app.Chart.Dependencies[0];
                    throw new InfraGenException([RenderErrors.ChartPackageMissing(
                        app.Name, first.Name, first.Version, first.Repository, $"`helm dependency build` failed ({built.Error.Trim()}) and no chart cache was given", app.DeclaredAt)]);
                }
            }
        }

        try
        {
            Directory.Move(scratch, directory);
        }
        catch (IOException) when (Directory.Exists(directory))
        {
            Directory.Delete(scratch, recursive: true); // Another run made the same directory: same content.
        }
    }

    private static void WriteAtomically(string file, byte[] bytes)
    {
        var temporary = file + $".{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, file, overwrite: true);
    }

    private static void Add(IncrementalHash hash, string text)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(text));
        hash.AppendData([0]);
    }
}
