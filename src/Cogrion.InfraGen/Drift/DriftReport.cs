using System.Text;
using Cogrion.InfraGen.Output;
using Cogrion.InfraGen.Rendering;

namespace Cogrion.InfraGen.Drift;

/// <summary>How one file in <c>out/</c> differs from what the model generates, named by what <c>generate</c> would do.</summary>
public enum DriftKind
{
    /// <summary>The model produces the file; <c>out/</c> lacks it (deleted by hand, or a model change not regenerated).</summary>
    Added,

    /// <summary><c>out/</c> has a file the model does not produce (added by hand, or left from an older model).</summary>
    Removed,

    /// <summary>Both have the file with different bytes (edited by hand, or a model change not regenerated).</summary>
    Changed,
}

/// <summary>One drifted file.</summary>
/// <param name="Path">Relative to <c>out/</c>, '/'-separated (<c>../</c> for a copy outside the tree, <see cref="RenderedTree.Published"/>).</param>
/// <param name="Kind">What <c>generate</c> would do to it.</param>
/// <param name="OnDisk">The file's text on disk; null when absent, binary or not readable as text.</param>
/// <param name="FromModel">The text the model generates; null when the model does not produce the file.</param>
public sealed record FileDrift(string Path, DriftKind Kind, string? OnDisk, string? FromModel)
{
    /// <summary>For a removed Application: what its removal means on the cluster (a retirement, or one the model has not recorded).</summary>
    public string? Removal { get; init; }
}

/// <summary>
/// <c>out/</c> on disk compared with a tree rendered in memory: every file that <c>generate</c> would add, remove
/// or rewrite, in ordinal path order. Building one reads <c>out/</c> and writes nothing.
/// </summary>
public sealed class DriftReport
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private DriftReport(string outDirectory, bool outMissing, IReadOnlyList<FileDrift> files, int compared)
    {
        OutDirectory = outDirectory;
        OutMissing = outMissing;
        Files = files;
        Compared = compared;
    }

    /// <summary>The compared directory, full path.</summary>
    public string OutDirectory { get; }

    /// <summary>True when the compared directory does not exist at all: every file of the tree is added.</summary>
    public bool OutMissing { get; }

    /// <summary>The drifted files, ordered by path.</summary>
    public IReadOnlyList<FileDrift> Files { get; }

    /// <summary>How many files the model produces (all compared).</summary>
    public int Compared { get; }

    /// <summary>True when <c>out/</c> is not exactly what the model generates.</summary>
    public bool HasDrift => Files.Count > 0;

    /// <summary>Compares <paramref name="tree"/> with the files under <paramref name="outDirectory"/>, byte for byte.</summary>
    public static DriftReport Compare(RenderedTree tree, string outDirectory, Func<string, string?>? removal = null)
    {
        var root = System.IO.Path.GetFullPath(outDirectory);
        var outMissing = !Directory.Exists(root);
        var onDisk = TreeWriter.ExistingFiles(root).ToHashSet(StringComparer.Ordinal);
        var drift = new List<FileDrift>();
        foreach (var (path, file) in tree.Files)
        {
            var full = System.IO.Path.Combine(root, path);
            if (!onDisk.Contains(path))
            {
                drift.Add(new FileDrift(path, DriftKind.Added, null, file.Text));
            }
            else if (!ReadBytes(full).AsSpan().SequenceEqual(TreeWriter.Encode(file)))
            {
                drift.Add(new FileDrift(path, DriftKind.Changed, ReadText(full), file.Text));
            }
        }

        foreach (var path in onDisk.Where(p => !tree.Files.ContainsKey(p)))
        {
            drift.Add(new FileDrift(path, DriftKind.Removed, ReadText(System.IO.Path.Combine(root, path)), null) { Removal = removal?.Invoke(path) });
        }

        // Copies outside the tree (CODEOWNERS where GitHub reads it) drift like tree files, but are never removed.
        foreach (var copy in tree.Published)
        {
            if (copy.Target(root) is not { } target)
            {
                continue;
            }

            var path = PublishedFile.RelativeToOut(root, target);
            if (!File.Exists(target))
            {
                drift.Add(new FileDrift(path, DriftKind.Added, null, copy.File.Text));
            }
            else if (!ReadBytes(target).AsSpan().SequenceEqual(TreeWriter.Encode(copy.File)))
            {
                drift.Add(new FileDrift(path, DriftKind.Changed, ReadText(target), copy.File.Text));
            }
        }

        drift.Sort((a, b) => StringComparer.Ordinal.Compare(a.Path, b.Path));
        return new DriftReport(root, outMissing, drift, tree.Files.Count);
    }

    /// <summary>A file's bytes; a link or unreadable entry reads as nothing, which never equals generated text.</summary>
    private static byte[] ReadBytes(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget is null ? File.ReadAllBytes(path) : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>A file as text, or null when it is not UTF-8 text (a diff of it would be noise).</summary>
    private static string? ReadText(string path)
    {
        var bytes = ReadBytes(path);
        if (bytes.AsSpan().IndexOf((byte)0) >= 0)
        {
            return null;
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
