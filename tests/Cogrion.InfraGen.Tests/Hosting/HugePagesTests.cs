using System.Globalization;
using Cogrion.InfraGen.Hosting;

namespace Cogrion.InfraGen.Tests.Hosting;

public sealed class HugePagesTests
{
    [Fact]
    public void On_linux_the_heap_where_a_run_allocates_is_advised_to_use_huge_pages()
    {
        var start = HugePages.AdviseForHeap(OneShotProcess.Budget);

        if (!OperatingSystem.IsLinux())
        {
            Assert.Null(start);
            return;
        }

        Assert.NotNull(start);
        Assert.Equal(0, start.Value % (2 * 1024 * 1024));
        if (!Directory.Exists("/sys/kernel/mm/transparent_hugepage"))
        {
            return; // A kernel built without transparent huge pages refuses the advice; the run goes on without it.
        }

        // "hg": the kernel's flag for a mapping advised MADV_HUGEPAGE (proc(5), /proc/pid/smaps).
        Assert.Contains("hg", VmFlagsAt(start.Value));
    }

    /// <summary>The VmFlags of the mapping that holds <paramref name="address"/>, from /proc/self/smaps.</summary>
    private static string[] VmFlagsAt(long address)
    {
        var inside = false;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            var dash = line.IndexOf('-', StringComparison.Ordinal);
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (dash > 0 && space > dash && long.TryParse(line.AsSpan(0, dash), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var from)
                && long.TryParse(line.AsSpan(dash + 1, space - dash - 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var to))
            {
                inside = from <= address && address < to;
            }
            else if (inside && line.StartsWith("VmFlags:", StringComparison.Ordinal))
            {
                return line["VmFlags:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            }
        }

        throw new InvalidOperationException($"No mapping holds 0x{address:x} in /proc/self/smaps.");
    }
}
