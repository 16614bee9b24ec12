using System.Runtime.CompilerServices;
using Cogrion.InfraGen.Drift;
using Cogrion.InfraGen.Pipeline;
using Cogrion.InfraGen.Tests.Support;
using Cogrion.InfraGen.Watch;

namespace Cogrion.InfraGen.Tests.Watch;

/// <summary>
/// Watch's compiler on the real model project: from MSBuild's own command line, with the SDK's compiler, the model
/// compiled in memory renders exactly the committed tree; a save that does not compile, or that an InfraGen analyzer
/// refuses, gives the errors <c>dotnet build</c> gives.
/// </summary>
[Trait("Speed", "Slow")]
public sealed class ModelCompilerTests : IDisposable
{
    private static readonly Lazy<CompileCommand> Command = new(() =>
    {
        var command = CompileCommand.Read(Directory.GetFiles(RealModel.Paths.ModelDirectory, "*.csproj").Single());
        SdkCompiler.Use(command.RoslynDirectory);
        return command;
    });

    private readonly TempDirectory _temp = new();

    [Fact]
    public void The_model_compiled_in_memory_renders_the_committed_tree_byte_for_byte()
    {
        var (succeeded, messages, drift) = CompileAndCompare(Command.Value);

        Assert.True(succeeded, string.Join('\n', messages));
        Assert.False(drift.HasDrift, string.Join('\n', drift.Files.Select(f => $"{f.Kind} {f.Path}")));
        Assert.True(drift.Compared > 40);
    }

    [Fact]
    public void A_save_that_does_not_compile_gives_the_compiler_errors_and_the_next_save_compiles()
    {
        var (command, conventions) = WithCopyOf("Conventions.cs");
        var compiler = Start(command);
        var original = File.ReadAllText(conventions);

        File.WriteAllText(conventions, original + "not C#\n");
        var broken = Compile(compiler, conventions);
        Assert.Null(broken.Assembly);
        var error = broken.Messages.First(m => m.IsError);
        Assert.Equal(conventions, error.File);
        Assert.InRange(error.Line, original.Split('\n').Length - 1, original.Split('\n').Length); // At the words added last.
        Assert.Matches(@"^Conventions\.cs\(\d+,\d+\): error CS\d{4}: ", error.Format(Path.GetFileName));

        File.WriteAllText(conventions, original);
        Assert.NotNull(Compile(compiler, conventions).Assembly);
    }

    [Fact]
    public void An_InfraGen_analyzer_error_fails_the_compile_as_it_fails_the_build()
    {
        var (command, estate) = WithCopyOf("Estate.cs");
        var compiler = Start(command);

        File.AppendAllText(estate, "\n[HelmValues(\"Not_A_Label\")]\npublic partial record BadValues;\n");
        var result = Compile(compiler, estate);

        Assert.Null(result.Assembly);
        Assert.Contains(result.Messages, m => m.IsError && m.Id == "INFRA0002" && m.File == estate);
    }

    [Fact]
    public void A_version_of_the_model_that_was_replaced_is_collected_once_unloaded()
    {
        var replaced = RenderAndUnload(Command.Value);

        for (var i = 0; i < 20 && replaced.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.False(replaced.IsAlive, "Something still holds the unloaded model: every save would keep its assembly in memory.");
    }

    /// <summary>The real project's command line with one of its files replaced by a copy the test may edit.</summary>
    private (CompileCommand Command, string Copy) WithCopyOf(string file)
    {
        var copy = _temp.Combine(file);
        File.Copy(Path.Combine(RealModel.Paths.ModelDirectory, file), copy);
        return (Command.Value with { Arguments = [.. Command.Value.Arguments.Select(a => a == file ? copy : a)] }, copy);
    }

    // The compiler's types load only once SdkCompiler.Use has run: these methods are compiled after it.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ModelCompiler Start(CompileCommand command) => ModelCompiler.Create(command);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static CompileResult Compile(ModelCompiler compiler, string changed) => compiler.Compile([changed]);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (bool Succeeded, IReadOnlyList<CompilerMessage> Messages, DriftReport Drift) CompileAndCompare(CompileCommand command)
    {
        var result = ModelCompiler.Create(command).Compile([]);
        if (!result.Succeeded)
        {
            return (false, result.Messages, null!);
        }

        using var model = LoadedModel.Load(result.Assembly!, result.Symbols!, version: 1)!;
        return (true, result.Messages, DriftReport.Compare(InfraPipeline.Render(model.Catalog, RealModel.Paths), RealModel.Paths.OutDirectory));
    }

    /// <summary>Compiles, loads, renders (as a save does) and unloads; returns a weak reference to the loaded assembly.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference RenderAndUnload(CompileCommand command)
    {
        var result = ModelCompiler.Create(command).Compile([]);
        Assert.True(result.Succeeded, string.Join('\n', result.Messages));
        var model = LoadedModel.Load(result.Assembly!, result.Symbols!, version: 2)!;
        var tree = InfraPipeline.Render(model.Catalog, RealModel.Paths);
        Assert.NotEmpty(tree.Files);
        var weak = new WeakReference(model.Assemblies.Single());
        model.Dispose();
        return weak;
    }

    public void Dispose() => _temp.Dispose();
}
