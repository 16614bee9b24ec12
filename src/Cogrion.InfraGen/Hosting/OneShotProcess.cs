using System.Runtime;

namespace Cogrion.InfraGen.Hosting;

/// <summary>
/// The model program is one short batch run: it builds the whole tree in memory, writes it and exits. A garbage
/// collection during it finds nearly everything alive and mostly copies the tree from one generation to the next, so
/// with <c>InfraGenFastRun</c> (the runtime switch <see cref="Switch"/>, set in runtimeconfig.json) the run asks for an
/// allocation budget without collections: at 1,000 clusters that saved about a fifth of the CPU time (README, "Speed at
/// scale"). Past the budget (the largest estates), collections resume as usual. Without the switch, nothing changes.
/// </summary>
public static class OneShotProcess
{
    /// <summary>The runtime switch <c>InfraGenFastRun</c> sets (Cogrion.InfraGen.FastRun.targets).</summary>
    public const string Switch = "Cogrion.InfraGen.FastRun";

    /// <summary>
    /// Covers a run of two thousand clusters (about 200 MB are allocated per thousand); what is not allocated never
    /// becomes resident, so a small estate's run stays small.
    /// </summary>
    public const long Budget = 512L * 1024 * 1024;

    /// <summary>
    /// Starts the budget when the program runs with the switch; false when it does not, or the runtime declined (or the
    /// budget is already in effect), which changes nothing else.
    /// </summary>
    public static bool SuspendCollections()
    {
        if (!System.AppContext.TryGetSwitch(Switch, out var on) || !on || GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            return false;
        }

        try
        {
            return GC.TryStartNoGCRegion(Budget);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
        {
            return false; // A runtime whose limits are smaller: run with collections.
        }
    }

    /// <summary>Ends the budget, if one is in effect: for a run that is not one-shot after all (<c>watch</c>).</summary>
    public static void ResumeCollections()
    {
        if (GCSettings.LatencyMode != GCLatencyMode.NoGCRegion)
        {
            return;
        }

        try
        {
            GC.EndNoGCRegion();
        }
        catch (InvalidOperationException)
        {
            // The budget was spent already: collections are on.
        }
    }
}
