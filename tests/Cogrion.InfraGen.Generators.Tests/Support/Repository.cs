using System.Runtime.CompilerServices;

namespace Cogrion.InfraGen.Generators.Tests.Support;

/// <summary>Files of this repository's checkout (the real model, out/, docs/), found from this source file.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot([CallerFilePath] string here = "")
    {
        var dir = new DirectoryInfo(System.IO.Path.GetDirectoryName(here)!);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Cogrion.InfraGen.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Cogrion.InfraGen.sln not found above " + here);
    }
}
