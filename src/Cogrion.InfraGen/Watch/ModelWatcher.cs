using System.Collections.Concurrent;

namespace Cogrion.InfraGen.Watch;

/// <summary>What a saved file is to watch.</summary>
internal enum ModelFileKind
{
    /// <summary>A C# file: the model is compiled again.</summary>
    Source,

    /// <summary>releases.yaml or a chart file: data the model program reads when it runs; nothing is compiled.</summary>
    Data,

    /// <summary>A project or MSBuild file: how the model compiles is read again from MSBuild.</summary>
    Project,
}

/// <summary>One batch of saves: the files (full paths) and what each is, and when the first of them was seen.</summary>
internal sealed record SaveBatch(IReadOnlyDictionary<string, ModelFileKind> Files, long FirstSeen)
{
    /// <summary>Milliseconds since the first save of the batch was seen.</summary>
    public long Age => Environment.TickCount64 - FirstSeen;
}

/// <summary>
/// Saves in the model directory, in batches: an editor's save is several events (a temporary file, a rename, a
/// change of attributes), and a formatter may save a second file right after, so events are collected until the
/// directory has been quiet for <see cref="Quiet"/>. Build output (bin/, obj/) and files watch does not read are ignored.
/// </summary>
internal sealed class ModelWatcher : IDisposable
{
    /// <summary>How long the directory must be quiet before a batch is handed over: short, since a save is one burst.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(40);

    private readonly string _root;
    private readonly FileSystemWatcher _watcher;
    private readonly ConcurrentDictionary<string, ModelFileKind> _pending = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _signal = new(0);
    private long _lastEvent;
    private long _firstEvent;

    public ModelWatcher(string modelDirectory)
    {
        _root = Path.GetFullPath(modelDirectory);
        _watcher = new FileSystemWatcher(_root)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            InternalBufferSize = 64 * 1024,
        };
        _watcher.Changed += (_, e) => Saw(e.FullPath);
        _watcher.Created += (_, e) => Saw(e.FullPath);
        _watcher.Deleted += (_, e) => Saw(e.FullPath);
        _watcher.Renamed += (_, e) =>
        {
            Saw(e.OldFullPath);
            Saw(e.FullPath);
        };

        // Events were lost (the buffer overflowed): treat every kind of file as saved.
        _watcher.Error += (_, _) =>
        {
            _pending[Path.Combine(_root, "*.cs")] = ModelFileKind.Project;
            Signal();
        };
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>Waits for the next batch of saves; null when <paramref name="cancellation"/> ends the wait.</summary>
    public SaveBatch? Next(CancellationToken cancellation)
    {
        try
        {
            _signal.Wait(cancellation);
            while (Environment.TickCount64 - Interlocked.Read(ref _lastEvent) < Quiet.TotalMilliseconds)
            {
                Thread.Sleep(Quiet / 4);
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }

        while (_signal.CurrentCount > 0)
        {
            _signal.Wait(0); // The events of this batch signalled once each.
        }

        var firstSeen = Interlocked.Exchange(ref _firstEvent, 0);
        var batch = new SortedDictionary<string, ModelFileKind>(StringComparer.Ordinal);
        foreach (var path in _pending.Keys)
        {
            if (_pending.TryRemove(path, out var kind))
            {
                batch[path] = kind;
            }
        }

        return batch.Count > 0 ? new SaveBatch(batch, firstSeen == 0 ? Environment.TickCount64 : firstSeen) : Next(cancellation);
    }

    /// <summary>
    /// What a file in the model directory is to watch, or null when watch does not read it: build output, editor
    /// backups and swap files, anything but C#, project files, releases.yaml and charts/.
    /// </summary>
    public static ModelFileKind? KindOf(string modelDirectory, string path)
    {
        var relative = Path.GetRelativePath(modelDirectory, path).Replace('\\', '/');
        var name = Path.GetFileName(relative);
        if (relative.StartsWith("../", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal)
            || relative.StartsWith("obj/", StringComparison.Ordinal) || name.EndsWith('~'))
        {
            return null;
        }

        if (name.StartsWith('.'))
        {
            return name == ".editorconfig" ? ModelFileKind.Project : null; // Else an editor's swap or backup file.
        }

        if (relative.StartsWith("charts/", StringComparison.Ordinal) || relative == "releases.yaml")
        {
            return ModelFileKind.Data;
        }

        return Path.GetExtension(name) switch
        {
            ".cs" => ModelFileKind.Source,
            ".csproj" or ".props" or ".targets" or ".globalconfig" => ModelFileKind.Project,
            _ => null,
        };
    }

    private void Saw(string path)
    {
        if (KindOf(_root, path) is not { } kind)
        {
            return;
        }

        _pending.AddOrUpdate(path, kind, (_, earlier) => earlier > kind ? earlier : kind);
        Signal();
    }

    private void Signal()
    {
        Interlocked.CompareExchange(ref _firstEvent, Environment.TickCount64, 0);
        Interlocked.Exchange(ref _lastEvent, Environment.TickCount64);
        _signal.Release();
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _signal.Dispose();
    }
}
