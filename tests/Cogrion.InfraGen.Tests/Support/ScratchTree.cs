using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Cogrion.InfraGen.Generated;
using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Output;
using Cogrion.InfraGen.Pipeline;
using Cogrion.InfraGen.Rendering;

namespace Cogrion.InfraGen.Tests.Support;

/// <summary>
/// A scratch area on tmpfs (many files, written fast) for tests that run the real model program as a process:
/// <see cref="Out"/> starts as a copy of the committed tree, and <see cref="Variant"/> makes model directories with the
/// real model's data plus bulk templates, so that switching between two variants rewrites many megabytes.
/// </summary>
public sealed class ScratchTree : IDisposable
{
    public ScratchTree()
    {
        Root = Path.Combine(Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath(), "infragen-faults-" + Guid.NewGuid().ToString("N"));
        Out = Path.Combine(Root, "out");
        foreach (var file in TreeWriter.ExistingFiles(RealModel.Paths.OutDirectory))
        {
            var target = Path.Combine(Out, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(RealModel.Paths.OutDirectory, file), target);
        }

        // The copy of CODEOWNERS the model publishes beside the tree (Repo.CodeOwnersPath) belongs to the repository too.
        foreach (var copy in RealModel.Tree.Published)
        {
            var source = Path.Combine(RealModel.Paths.RepoRoot, copy.RepositoryPath);
            var target = Path.Combine(Root, copy.RepositoryPath);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }

        Committed = Hashes(RealModel.Paths.OutDirectory);
    }

    /// <summary>The scratch folder.</summary>
    public string Root { get; }

    /// <summary>The output directory the runs share.</summary>
    public string Out { get; }

    /// <summary>The committed tree (out/ as the build left it, which <c>.ci/run</c> holds against git): path to SHA-256.</summary>
    public IReadOnlyDictionary<string, string> Committed { get; }

    /// <summary>The real model directory (only read) generating into <see cref="Out"/>: it renders the committed tree.</summary>
    public ModelPaths RealModelInto => new(RealModel.Paths.ModelDirectory, Out);

    /// <summary>
    /// A model directory holding the real model's charts and releases.yaml plus <paramref name="files"/> bulk templates
    /// of <paramref name="kilobytes"/> KiB each (under charts/control-plane/templates/), whose text names the variant;
    /// it generates into <see cref="Out"/>.
    /// </summary>
    public ModelPaths Variant(string name, int files, int kilobytes)
    {
        var model = Path.Combine(Root, name, "model");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RealModel.Paths.ModelDirectory, "charts"), "*", SearchOption.AllDirectories)
                     .Append(RealModel.Paths.ReleasesFile))
        {
            var target = Path.Combine(model, Path.GetRelativePath(RealModel.Paths.ModelDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var templates = Path.Combine(model, "charts", "control-plane", "templates");
        for (var i = 0; i < files; i++)
        {
            var text = new StringBuilder(kilobytes * 1024);
            for (var line = 0; text.Length < kilobytes * 1024; line++)
            {
                text.Append("{{- /* bulk template ").Append(name).Append(", file ").Append(i.ToString("D3", CultureInfo.InvariantCulture))
                    .Append(", line ").Append(line.ToString("D6", CultureInfo.InvariantCulture)).Append(": padding to make the write long */ -}}\n");
            }

            File.WriteAllText(Path.Combine(templates, $"bulk-{i.ToString("D3", CultureInfo.InvariantCulture)}.yaml"), text.ToString());
        }

        return new ModelPaths(model, Out);
    }

    /// <summary>What a model directory generates, rendered in process: path to SHA-256 of the bytes written.</summary>
    public static IReadOnlyDictionary<string, string> Expected(ModelPaths paths) =>
        InfraPipeline.Render(new InfraCatalog(), paths).Files.ToDictionary(f => f.Key, f => Hash(TreeWriter.Encode(f.Value)), StringComparer.Ordinal);

    /// <summary>Every file under a directory (temporary files included, the lock file not): path to SHA-256.</summary>
    public static IReadOnlyDictionary<string, string> Hashes(string directory) =>
        TreeWriter.ExistingFiles(directory).ToDictionary(f => f, f => Hash(File.ReadAllBytes(Path.Combine(directory, f))), StringComparer.Ordinal);

    /// <summary>The paths of temporary files left in a directory.</summary>
    public static IReadOnlyList<string> TempFiles(IReadOnlyDictionary<string, string> files) =>
        [.. files.Keys.Where(f => f.EndsWith(TreeWriter.TempSuffix, StringComparison.Ordinal))];

    private static string Hash(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: tmpfs is cleared on reboot.
        }
    }
}
