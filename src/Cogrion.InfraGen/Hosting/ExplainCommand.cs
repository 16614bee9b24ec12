using System.CommandLine;
using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Inspection;
using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Pipeline;
using Cogrion.InfraGen.Rendering;

namespace Cogrion.InfraGen.Hosting;

/// <summary><c>explain &lt;out-path&gt; [&lt;key.path&gt;]</c>: which model file and line produced a generated file or value.</summary>
internal sealed class ExplainCommand : InfraGenVerb
{
    private readonly Argument<string> _file = new("out-path") { Description = "A generated file: out/values/prod-sgp-1/control-plane.yaml, or a path relative to out/." };
    private readonly Argument<string?> _key = new("key.path") { Description = "A YAML key inside it: image.tag, spec.source.helm.valueFiles[0], metadata.annotations[argocd.argoproj.io/sync-wave].", Arity = ArgumentArity.ZeroOrOne };

    public ExplainCommand()
        : base("explain", "Say which model file and line produced a generated file, or one value in it (the values property, the app's values function, the releases.yaml line of an image tag).")
    {
        Command.Arguments.Add(_file);
        Command.Arguments.Add(_key);
    }

    public override int Run(ParseResult parse, VerbContext context) => WithPaths(parse, context, paths =>
    {
        var model = ModelLoader.Load(context.Catalog, paths);
        var tree = InfraPipeline.Render(model);
        var requested = parse.GetValue(_file)!;
        var file = Find(tree, paths, requested);
        if (file is null && NotRunning(model, requested) is { } absent)
        {
            throw new InfraGenException([HostErrors.NotFound("explain", $"'{requested}' is not generated: app '{absent.App.Name}' does not run on cluster '{absent.Cluster.Name}' (its RunsOn leaves the cluster out)")]);
        }

        if (file is null)
        {
            var name = Path.GetFileName(requested);
            var near = tree.Files.Keys.Where(p => p.EndsWith("/" + name, StringComparison.Ordinal)).Take(8).ToList();
            throw new InfraGenException([HostErrors.NotFound("explain", $"'{requested}' is not a file the model generates in {CheckCommand.OutName(paths)}/"
                + (near.Count > 0 ? $". Did you mean: {string.Join(", ", near)}?" : string.Empty))]);
        }

        var key = parse.GetValue(_key);
        return key is null ? ExplainFile(model, context.Catalog.Origins, file, paths, context.Output) : ExplainValue(model, context.Catalog.Origins, tree, file, key, paths, context);
    });

    /// <summary>The app and cluster whose Application or values file <paramref name="requested"/> would be, when the app does not run there.</summary>
    private static (Cluster Cluster, App App)? NotRunning(ResolvedEstate model, string requested)
    {
        var path = requested.Replace('\\', '/');
        return (from cluster in model.Clusters
                from app in model.Apps
                where model.Find(cluster, app) is null
                   && (path.EndsWith(TreeLayout.Values(cluster.Name, app.Name), StringComparison.Ordinal)
                       || path.EndsWith(TreeLayout.Application(cluster.Name, app.Name), StringComparison.Ordinal))
                select ((Cluster, App)?)(cluster, app)).FirstOrDefault();
    }

    private static int ExplainFile(ResolvedEstate model, ValueOrigins origins, RenderedFile file, ModelPaths paths, TextWriter output)
    {
        output.WriteLine($"{CheckCommand.OutName(paths)}/{file.Path}: {Provenance.Describe(file)}");
        var sources = Provenance.OfFile(model, origins, file);
        if (sources.Count == 0)
        {
            output.WriteLine("  written by InfraGen from the whole estate: no single model line produces it.");
        }

        Print(sources, paths, output);
        return ExitCodes.Ok;
    }

    private static int ExplainValue(ResolvedEstate model, ValueOrigins origins, RenderedTree tree, RenderedFile file, string key, ModelPaths paths, VerbContext context)
    {
        var shown = $"{CheckCommand.OutName(paths)}/{file.Path}";
        if (file.Documents.Count == 0)
        {
            throw new InfraGenException([HostErrors.NotFound("explain", $"{shown} is not a YAML document InfraGen builds (a template or text file); explain the file without a key")]);
        }

        if (!DocPaths.IsWellFormed(key))
        {
            throw new InfraGenException([HostErrors.BadCommandLine($"'{key}' is not a key path: keys are separated by one dot (image.tag), list items are [n] (valueFiles[0]), a key holding a dot is [key] (annotations[argocd.argoproj.io/sync-wave])")]);
        }

        var found = false;
        for (var i = 0; i < file.Documents.Count; i++)
        {
            if (DocPaths.Find(file.Documents[i], key) is not { } value)
            {
                continue;
            }

            found = true;
            var document = file.Documents.Count > 1 ? $" (document {i + 1})" : string.Empty;
            context.Output.WriteLine($"{shown}{document} {key} = {DocPaths.Display(value)}");
            Print(Provenance.OfValue(model, origins, file, file.Documents[i], key, value), paths, context.Output);
        }

        if (found)
        {
            return ExitCodes.Ok;
        }

        // A cluster's values file holds only what differs from the defaults: a key it lacks may be a chart default.
        if (file.Kind == FileKind.ClusterValues && file.App is not null && DocPaths.Find(model.Chart(file.App).Defaults, key) is { } fallback)
        {
            var defaults = tree.Files[TreeLayout.ChartFile(file.App.Name, "values.yaml")];
            context.Output.WriteLine($"{shown} {key}: not set here, so the chart default applies: {CheckCommand.OutName(paths)}/{defaults.Path} {key} = {DocPaths.Display(fallback)}");
            Print(Provenance.OfValue(model, origins, defaults, model.Chart(file.App).Defaults, key, fallback), paths, context.Output);
            return ExitCodes.Ok;
        }

        IReadOnlyList<DocNode> roots = file.Kind == FileKind.ClusterValues && file.App is not null ? [.. file.Documents, model.Chart(file.App).Defaults] : file.Documents;
        throw new InfraGenException([HostErrors.NotFound("explain", $"{shown} has no key '{key}'; {Nearest(roots, key)}")]);
    }

    /// <summary>
    /// What the longest part of <paramref name="key"/> that exists holds (its keys, its items, or a single value), so a
    /// typo deep in a key is answered with the keys beside it; else the documents' top-level keys.
    /// </summary>
    private static string Nearest(IReadOnlyList<DocNode> roots, string key)
    {
        for (var cut = key.LastIndexOfAny(['.', '[']); cut > 0; cut = key.LastIndexOfAny(['.', '['], cut - 1))
        {
            var prefix = key[..cut];
            var nodes = roots.Select(r => DocPaths.Find(r, prefix)).OfType<DocNode>().ToList();
            var keys = nodes.OfType<DocMap>().SelectMany(m => m.Entries.Select(e => e.Key)).Distinct().ToList();
            if (keys.Count > 0)
            {
                return $"'{prefix}' has the keys {string.Join(", ", keys.Take(12))}";
            }

            switch (nodes.FirstOrDefault())
            {
                case DocSeq seq:
                    return $"'{prefix}' is a list of {seq.Count} item(s), from [0]";
                case DocScalar:
                    return $"'{prefix}' is a single value, with no keys under it";
            }
        }

        var top = roots.OfType<DocMap>().SelectMany(d => d.Entries.Select(e => e.Key)).Distinct().Take(12);
        return $"its top-level keys are {string.Join(", ", top)}";
    }

    /// <summary>
    /// Each source as <c>file(line)  what it is</c>, aligned, with the line's code below it (as it is on disk now), so the
    /// chain reads without opening the files; a location an editor or terminal can open.
    /// </summary>
    private static void Print(IReadOnlyList<Source> sources, ModelPaths paths, TextWriter output)
    {
        var located = sources.Select(s => (At: $"{paths.Describe(s.At.File)}({s.At.Line})", s.What, Code: SourceLines.Line(s.At))).ToList();
        var width = located.Count == 0 ? 0 : located.Max(s => s.At.Length);
        foreach (var (at, what, code) in located)
        {
            output.WriteLine($"  {at.PadRight(width)}  {what}");
            if (code is not null)
            {
                output.WriteLine($"  {new string(' ', width)}    {code}");
            }
        }
    }

    /// <summary>The generated file a person named: a path inside out/ (absolute, or from here), or relative to out/ or the repository root.</summary>
    private static RenderedFile? Find(RenderedTree tree, ModelPaths paths, string requested)
    {
        var outRoot = Path.GetFullPath(paths.OutDirectory);
        foreach (var candidate in new[] { Path.GetFullPath(requested), Path.GetFullPath(requested, outRoot), Path.GetFullPath(requested, paths.RepoRoot) })
        {
            var relative = Path.GetRelativePath(outRoot, candidate).Replace('\\', '/');
            if (tree.Files.TryGetValue(relative, out var file))
            {
                return file;
            }
        }

        return null;
    }
}
