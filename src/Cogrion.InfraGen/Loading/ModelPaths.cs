namespace Cogrion.InfraGen.Loading;

/// <summary>Where a run reads the model's files from and writes the tree to.</summary>
/// <param name="ModelDirectory">The model project's directory (holds <c>charts/</c> and <c>releases.yaml</c>).</param>
/// <param name="OutDirectory">The generated tree's root, wholly owned by InfraGen.</param>
public sealed record ModelPaths(string ModelDirectory, string OutDirectory)
{
    /// <summary>The repository root: the directory holding the model directory. Paths in output are relative to it.</summary>
    public string RepoRoot => Path.GetDirectoryName(Path.GetFullPath(ModelDirectory).TrimEnd(Path.DirectorySeparatorChar))!;

    /// <summary>The release tags file.</summary>
    public string ReleasesFile => Path.Combine(ModelDirectory, "releases.yaml");

    /// <summary>What each app's charts render (namespaces, cluster-scoped kinds): the AppProjects are made from it.</summary>
    public string FootprintFile => Path.Combine(ModelDirectory, "footprint.yaml");

    /// <summary>Where the render check keeps Helm's inputs and outputs between runs: under the model's obj/, never committed.</summary>
    public string RenderCacheDirectory => Path.Combine(Path.GetFullPath(ModelDirectory), "obj", "infragen-render");

    /// <summary>The hand-written templates of a chart.</summary>
    public string TemplatesDirectory(string chart) => Path.Combine(ModelDirectory, "charts", chart, "templates");

    /// <summary>
    /// A model file as output shows it: relative to the repository root with '/' separators, so the tree is
    /// the same on every machine whatever the checkout path.
    /// </summary>
    public string Display(string file)
    {
        if (string.IsNullOrEmpty(file))
        {
            return file;
        }

        var normalized = file.Replace('\\', '/');
        if (normalized.StartsWith("/_/", StringComparison.Ordinal))
        {
            return normalized[3..]; // A deterministic build's path map.
        }

        // A file outside the repository (a test fixture, a shared props file) shows by name only: the tree must
        // not depend on where anything is checked out.
        var root = RepoRoot.Replace('\\', '/').TrimEnd('/') + "/";
        return normalized.StartsWith(root, StringComparison.Ordinal) ? normalized[root.Length..] : Path.GetFileName(normalized);
    }

    /// <summary>A model file as a message shows it: relative to the repository root, else the full path (clickable).</summary>
    public string Describe(string file)
    {
        var shown = Display(file);
        return string.Equals(shown, Path.GetFileName(file.Replace('\\', '/')), StringComparison.Ordinal) && !File.Exists(Path.Combine(RepoRoot, shown))
            ? file
            : shown;
    }

    /// <summary>
    /// Finds <c>model/</c> and <c>out/</c> from <paramref name="start"/>: the first directory upwards that has a
    /// <c>model</c> directory with a project file, or that is itself such a model directory.
    /// </summary>
    public static ModelPaths? Discover(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            var model = Path.Combine(dir.FullName, "model");
            if (Directory.Exists(model) && Directory.EnumerateFiles(model, "*.csproj").Any())
            {
                return new ModelPaths(model, Path.Combine(dir.FullName, "out"));
            }

            if (string.Equals(dir.Name, "model", StringComparison.Ordinal) && dir.Parent is not null
                && Directory.EnumerateFiles(dir.FullName, "*.csproj").Any())
            {
                return new ModelPaths(dir.FullName, Path.Combine(dir.Parent.FullName, "out"));
            }
        }

        return null;
    }
}
