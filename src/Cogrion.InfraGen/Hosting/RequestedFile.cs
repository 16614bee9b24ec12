using System.Text;
using Cogrion.InfraGen.Diagnostics;

namespace Cogrion.InfraGen.Hosting;

/// <summary>
/// A file a verb was asked to write besides out/ (<c>--manifests</c>, <c>--markdown</c>, <c>--summary</c>): UTF-8 without
/// a byte order mark, its directory created; a path the system refuses is INFRA3005 naming the option.
/// </summary>
internal static class RequestedFile
{
    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/>, given by <paramref name="option"/>.</summary>
    public static void Write(string path, string text, string option, string? afterwards = null)
    {
        try
        {
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
            {
                Directory.CreateDirectory(directory);
            }

            File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InfraGenException([HostErrors.FileRefused(e.Message + (afterwards is null ? "" : ". " + afterwards), $"cannot write {option} {path}")]);
        }
    }

    /// <summary>
    /// Refuses, before the verb changes anything, a path that can never be written as a file: an existing directory.
    /// </summary>
    public static void MustBeAFilePath(FileInfo? file, string option)
    {
        if (file is not null && Directory.Exists(file.FullName))
        {
            throw new InfraGenException([HostErrors.BadCommandLine($"{option} {file.FullName} is a directory; give the path of the file to write")]);
        }
    }
}
