using System.Text;
using Cogrion.InfraGen.Loading;

namespace Cogrion.InfraGen.Tests.Support;

/// <summary>
/// The real model's data files (charts/, releases.yaml and footprint.yaml) copied to a temporary model directory, so a test can break
/// one template or release and render the real apps over it (the apps themselves are the compiled model).
/// </summary>
public static class ModelCopy
{
    /// <summary>Copies the model below <paramref name="temp"/>/<paramref name="name"/>; <paramref name="crlf"/>: with CRLF line ends and a byte order mark.</summary>
    public static ModelPaths Create(TempDirectory temp, string name, bool crlf = false)
    {
        var from = RealModel.Paths.ModelDirectory;
        var to = temp.Combine(name, "model");
        var files = Directory.EnumerateFiles(Path.Combine(from, "charts"), "*", SearchOption.AllDirectories).Append(Path.Combine(from, "releases.yaml")).Append(Path.Combine(from, "footprint.yaml"));
        foreach (var file in files)
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var text = File.ReadAllText(file);
            File.WriteAllText(target, crlf ? text.ReplaceLineEndings("\r\n") : text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: crlf));
        }

        return new ModelPaths(to, temp.Combine(name, "out"));
    }

    /// <summary>Replaces <paramref name="from"/> (which must occur) with <paramref name="to"/> in a file of the copied model.</summary>
    public static void Edit(ModelPaths paths, string relativeFile, string from, string to)
    {
        var file = Path.Combine(paths.ModelDirectory, relativeFile);
        var text = File.ReadAllText(file);
        if (!text.Contains(from, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{relativeFile} does not contain `{from}`: the test's edit no longer applies to the model.");
        }

        File.WriteAllText(file, text.Replace(from, to, StringComparison.Ordinal));
    }
}
