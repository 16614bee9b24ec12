using System.CommandLine;
using Cogrion.InfraGen.Watch;

namespace Cogrion.InfraGen.Hosting;

/// <summary><c>watch</c>: regenerate out/ on every save of a model file (see <see cref="WatchSession"/>).</summary>
internal sealed class WatchCommand : InfraGenVerb
{
    public WatchCommand()
        : base("watch", "Regenerate out/ on every save of a model file (C# files, releases.yaml, charts/): prints which files of out/ changed, with a short diff, or the errors in the canonical format, and keeps watching. The compiler and the generator stay warm in this process. Ctrl+C stops.")
    {
    }

    public override int Run(ParseResult parse, VerbContext context) => WithPaths(parse, context, paths =>
    {
        // With InfraGenFastRun the model program runs without collections (OneShotProcess); a session that lasts hours must collect.
        OneShotProcess.ResumeCollections();

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        return new WatchSession(paths, context.Output, context.Error).Run(stop.Token);
    });
}
