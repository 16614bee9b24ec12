using System.CommandLine;
using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Preview;

namespace Cogrion.InfraGen.Hosting;

/// <summary>
/// <c>preview [--base REV] [--markdown FILE]</c>: what the clusters will change: the tree committed at the base revision
/// and the tree the working model renders, both rendered by Helm as Argo CD reads them, compared object by object.
/// Prints Markdown for a pull request, then <c>preview: …</c>. Exit code 0 (a change is not an error), 2 when it cannot.
/// </summary>
internal sealed class PreviewCommand : InfraGenVerb
{
    private readonly Option<string> _base = new("--base") { Description = "The git revision to compare with (default HEAD: what is committed).", DefaultValueFactory = _ => "HEAD" };
    private readonly Option<FileInfo?> _markdown = new("--markdown") { Description = "Also write the Markdown to FILE (for a pull request comment)." };
    private readonly RenderOptionSet _render = new();

    public PreviewCommand()
        : base("preview", "What the clusters will change: renders the base revision's committed tree and the working model's tree with the pinned Helm, as Argo CD does, and lists per cluster and app the Kubernetes objects added, removed and changed, with a field-level diff, as Markdown.")
    {
        Command.Options.Add(_base);
        Command.Options.Add(_markdown);
        _render.AddTo(Command);
    }

    public override int Run(ParseResult parse, VerbContext context) => WithPaths(parse, context, paths =>
    {
        RequestedFile.MustBeAFilePath(parse.GetValue(_markdown), "--markdown");
        var render = _render.From(parse);
        var report = PreviewRun.Run(context.Catalog, paths, PreviewOptions.For(parse.GetValue(_base) ?? "HEAD", render));
        var markdown = PreviewMarkdown.Write(report);
        if (parse.GetValue(_markdown) is { } file)
        {
            RequestedFile.Write(file.FullName, markdown, "--markdown");
        }

        context.Output.Write(markdown);
        context.Output.WriteLine(report.Summary);
        return ExitCodes.Ok;
    });
}
