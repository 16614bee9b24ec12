using System.Runtime;

namespace Cogrion.InfraGen.Hosting;

/// <summary>
/// The model program is one short batch run: it builds the whole tree in memory, writes it and exits. A garbage
/// collection during it finds nearly everything alive and mostly copies the tree from one generation to the next
/// (a quarter of a second at a thousand clusters), so the run asks for an allocation budget without collections.
/// Past the budget (the largest estates), collections resume as usual.
/// </summary>
public static class OneShotProcess
{
    /// <summary>
    /// Covers a run of two thousand clusters (about 200 MB are allocated per thousand); what is not allocated never
    /// becomes resident, so a small estate's run stays small.
    /// </summary>
    public const long Budget = 512L * 1024 * 1024;

    /// <summary>Starts the budget; false when the runtime declined it (or it is already in effect), which changes nothing else.</summary>
    public static bool SuspendCollections()
    {
        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            return false;
        }

        try
        {
            if (!GC.TryStartNoGCRegion(Budget))
            {
                return false;
            }

            // Every page of the budget is touched once: in 2 MB pages where the kernel allows (HugePages).
            HugePages.AdviseForHeap(Budget);
            return true;
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
        {
            return false; // A runtime whose limits are smaller: run with collections.
        }
    }
}
