using System.Security.Cryptography;
using System.Text;

namespace Cogrion.InfraGen.Rendered;

/// <summary>
/// Helm's output by what determines it: the Helm version and the command's arguments, whose chart and values paths
/// are named by the hash of their content (<see cref="ChartSources"/>). A pair whose chart, values and Helm are
/// unchanged is not rendered again. Lives under the model's <c>obj/</c> unless <c>--render-cache</c> or
/// <c>INFRAGEN_RENDER_CACHE</c> says where; never committed; only successes are kept.
/// </summary>
internal sealed class RenderCache(string directory, string helmVersion)
{
    private int _hits;

    /// <summary>How many answers came from the cache this run.</summary>
    public int Hits => _hits;

    /// <summary>The output of a command run before with the same inputs, or null.</summary>
    public string? Find(IReadOnlyList<string> arguments)
    {
        var file = FileOf(arguments);
        if (!File.Exists(file))
        {
            return null;
        }

        Interlocked.Increment(ref _hits);
        return File.ReadAllText(file, Encoding.UTF8);
    }

    /// <summary>Remembers a successful command's output.</summary>
    public void Store(IReadOnlyList<string> arguments, string output)
    {
        var file = FileOf(arguments);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temporary = file + $".{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, output, new UTF8Encoding(false));
        File.Move(temporary, file, overwrite: true);
    }

    private string FileOf(IReadOnlyList<string> arguments)
    {
        var key = helmVersion + "\0" + string.Join("\0", arguments.Select(a => a.Replace(directory, "<cache>", StringComparison.Ordinal)));
        return Path.Combine(directory, "output", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32] + ".out");
    }
}
