using System.Diagnostics;
using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Loading;
using Cogrion.InfraGen.Pipeline;

namespace Cogrion.InfraGen.Watch;

/// <summary>
/// <c>infragen watch</c>: regenerates out/ on every save of a model file. The compiler, the source generators and
/// the pipeline stay warm in this process: a saved C# file is parsed again and the model compiled in memory
/// (<see cref="ModelCompiler"/>), loaded beside the program (<see cref="LoadedModel"/>) and run through the pipeline,
/// as the build's generation step runs it; releases.yaml and charts/ are read again without compiling. A save that
/// does not compile, or a model the pipeline refuses, is reported in the canonical format and leaves out/ as it was;
/// watch goes on with the next save.
/// </summary>
internal sealed class WatchSession(ModelPaths paths, TextWriter output, TextWriter error)
{
    private readonly WatchOutput _print = new(paths, output, error);
    private string? _project;
    private ModelCompiler? _compiler;
    private LoadedModel? _model;
    private bool _compiles;
    private int _version;

    /// <summary>Compiles and generates once, then on every save until <paramref name="cancellation"/>; returns the exit code.</summary>
    public int Run(CancellationToken cancellation)
    {
        _project = ProjectFile();
        var clock = Stopwatch.StartNew();
        var command = CompileCommand.Read(_project);

        // Before any method that uses the compiler is compiled just in time: that loads the compiler's assemblies.
        SdkCompiler.Use(command.RoslynDirectory);
        Prepare(command);
        _print.Started(_project, clock.Elapsed);
        Cycle(new SaveBatch(new Dictionary<string, ModelFileKind>(), Environment.TickCount64), compile: true);

        using var watcher = new ModelWatcher(paths.ModelDirectory);
        _print.Watching();
        while (watcher.Next(cancellation) is { } saves)
        {
            Cycle(saves, compile: false);
        }

        _model?.Dispose();
        return Diagnostics.ExitCodes.Ok;
    }

    /// <summary>One save (or the start): compile when C# changed, then generate and say what changed in out/.</summary>
    internal void Cycle(SaveBatch saves, bool compile)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var sources = saves.Files.Where(f => f.Value == ModelFileKind.Source).Select(f => f.Key).ToList();
            if (saves.Files.Values.Contains(ModelFileKind.Project) || sources.Any(s => File.Exists(s) != _compiler!.SourceFiles.Contains(s)))
            {
                // A project file, or the set of C# files, changed: ask MSBuild again how the model compiles.
                _compiles = false;
                Prepare(CompileCommand.Read(_project!));
                compile = true;
            }

            if (compile || sources.Count > 0)
            {
                var result = _compiler!.Compile(sources);
                _compiles = result.Succeeded;
                if (!result.Succeeded)
                {
                    _print.CompileFailed(saves, result.Messages, saves.Age);
                    return;
                }

                _print.Warnings(result.Messages);
                var loaded = LoadedModel.Load(result.Assembly!, result.Symbols!, ++_version);
                _model?.Dispose();
                _model = loaded ?? throw new InfraGenException([WatchErrors.CannotStart($"the compiled model has no {LoadedModel.CatalogType} (no [InfraModel] class)")]);
            }

            if (!_compiles || _model is null)
            {
                _print.StillBroken(saves);
                return;
            }

            var compiled = clock.Elapsed;
            var (written, changes) = InfraPipeline.GenerateComparing(_model.Catalog, paths, error);
            _print.Generated(saves, changes, written, compiled, clock.Elapsed - compiled, saves.Age);
        }
        catch (InfraGenException e)
        {
            _print.Refused(saves, e, saves.Age);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException or InvalidOperationException)
        {
            // A file that vanished between the save and the read, a model assembly the runtime refuses: this save
            // cannot be handled, the next one may be.
            _print.Failed(saves, e);
        }
    }

    /// <summary>Starts a warm compiler for the model as <paramref name="command"/> compiles it (the SDK's compiler is the one in use).</summary>
    private void Prepare(CompileCommand command)
    {
        SdkCompiler.Use(command.RoslynDirectory);
        _compiler = ModelCompiler.Create(command);
    }

    private string ProjectFile()
    {
        var projects = Directory.Exists(paths.ModelDirectory) ? Directory.GetFiles(paths.ModelDirectory, "*.csproj") : [];
        return projects.Length == 1
            ? projects[0]
            : throw new InfraGenException([WatchErrors.CannotStart($"{paths.ModelDirectory} holds {(projects.Length == 0 ? "no project (*.csproj)" : "several projects")}; the model directory holds one")]);
    }
}
