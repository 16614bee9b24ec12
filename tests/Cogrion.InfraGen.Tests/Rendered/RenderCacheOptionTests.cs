using System.CommandLine;
using Cogrion.InfraGen.Hosting;

namespace Cogrion.InfraGen.Tests.Rendered;

/// <summary>
/// Where Helm's output is cached: <c>--render-cache</c>, else <c>INFRAGEN_RENDER_CACHE</c>, else (null) the model's
/// <c>obj/infragen-render</c>. It sets the variable the render verbs read, so it runs alone (its own collection,
/// never in parallel with another).
/// </summary>
[Collection(Name)]
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RenderCacheOptionTests
{
    private const string Name = "Sets INFRAGEN_RENDER_CACHE";

    private const string Variable = "INFRAGEN_RENDER_CACHE";

    private static string? CacheDirectory(params string[] arguments)
    {
        var options = new RenderOptionSet();
        var command = new Command("render");
        options.AddTo(command);
        var parse = command.Parse(arguments);
        Assert.Empty(parse.Errors);
        return options.From(parse).CacheDirectory;
    }

    [Fact]
    public void The_option_wins_over_the_variable_which_wins_over_the_models_obj()
    {
        var before = Environment.GetEnvironmentVariable(Variable);
        try
        {
            Environment.SetEnvironmentVariable(Variable, null);
            Assert.Null(CacheDirectory()); // The render stage then uses ModelPaths.RenderCacheDirectory.
            Assert.Equal(Path.GetFullPath("kept/render"), CacheDirectory("--render-cache", "kept/render"));

            Environment.SetEnvironmentVariable(Variable, "from-environment");
            Assert.Equal(Path.GetFullPath("from-environment"), CacheDirectory());
            Assert.Equal(Path.GetFullPath("kept/render"), CacheDirectory("--render-cache", "kept/render"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(Variable, before);
        }
    }
}
