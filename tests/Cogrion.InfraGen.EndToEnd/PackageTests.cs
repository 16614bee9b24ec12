using Cogrion.InfraGen.EndToEnd.Support;

namespace Cogrion.InfraGen.EndToEnd;

/// <summary>The packages as another repository gets them: a fresh consumer project restoring only from the local feed.</summary>
[Collection(PackedRepositoryCollection.Name)]
public sealed class PackageTests(PackedRepository packed)
{
    [Fact]
    public void A_consumer_generates_its_tree_on_build_and_checks_it_with_the_installed_tool()
    {
        var consumer = Path.Combine(packed.Root, "consumer");
        var model = Path.Combine(consumer, "model");
        Directory.CreateDirectory(model);
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), PackedRepository.FeedOnlyNuGetConfig(packed.Feed));
        File.WriteAllText(Path.Combine(model, "Shop.Model.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <NoWarn>$(NoWarn);CS1591</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Cogrion.InfraGen" Version="{packed.LibraryVersion}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(model, "Estate.cs"), """
            namespace Shop;

            /// <summary>Values of the shop chart.</summary>
            [HelmValues("shop")]
            public partial record ShopValues
            {
                /// <summary>Pod count.</summary>
                public required int Replicas { get; init; }

                /// <summary>The image tag, from releases.yaml.</summary>
                public required ImageTag Tag { get; init; }

                /// <summary>Log level.</summary>
                public string LogLevel { get; init; } = "info";
            }

            [InfraModel]
            public sealed class ShopEstate : IInfraModel
            {
                public Estate Define() => new()
                {
                    Repo = new GitRepo("https://git.example.com/shop/infra", "main") { TreePath = "out" },
                    Clusters = [new Cluster(new Env("dev", IsProduction: false), new Region("eu-1", "eu-west-1"))],
                    Apps = [new App<ShopValues>(new ChartSpec("1.0.0", "The shop."), c => new ShopValues { Replicas = 2, Tag = c.ImageTag })],
                    SecretKey = (env, region, name) => $"shop/{env}/{region}/{name}",
                };
            }
            """);
        File.WriteAllText(Path.Combine(model, "releases.yaml"), "dev-eu-1:\n  shop: sha-0123abc\n");

        var build = Command.Run(Command.Dotnet, ["build"], model, packed.IsolatedNuGet);

        PackedRepository.Succeeds(build);
        var tree = Path.Combine(consumer, "out");
        Assert.True(File.Exists(Path.Combine(tree, ".infragen")), build.ToString());
        Assert.Contains("path: out/charts/shop", File.ReadAllText(Path.Combine(tree, "argocd", "apps", "dev-eu-1", "shop.yaml")));
        Assert.Contains("path: out/argocd/apps/dev-eu-1", File.ReadAllText(Path.Combine(tree, "argocd", "bootstrap", "dev-eu-1.yaml")));
        var values = File.ReadAllText(Path.Combine(tree, "values", "dev-eu-1", "shop.yaml"));
        Assert.Contains("replicas: 2", values);
        Assert.Contains("tag: sha-0123abc", values);
        Assert.Contains("global:\n  region: eu-1\n  environment: dev\n", values); // Supplied by InfraGen, declared by no record.
        Assert.Contains("logLevel: info", File.ReadAllText(Path.Combine(tree, "charts", "shop", "values.yaml")));
        Assert.True(File.Exists(Path.Combine(tree, "charts", "shop", "values.schema.json")));

        // Issue 15: the package set tiered PGO, background GC and dynamic code in every consumer's runtimeconfig.json.
        // Without InfraGenFastRun the consumer's program runs as the consumer configured it.
        var runtimeConfig = File.ReadAllText(Directory.GetFiles(Path.Combine(model, "bin"), "Shop.Model.runtimeconfig.json", SearchOption.AllDirectories).Single());
        Assert.DoesNotContain("TieredPGO", runtimeConfig);
        Assert.DoesNotContain("System.GC.Concurrent", runtimeConfig);
        Assert.DoesNotContain("IsDynamicCodeSupported", runtimeConfig);
        Assert.DoesNotContain("Cogrion.InfraGen.FastRun", runtimeConfig);
        Assert.Empty(Directory.GetDirectories(Path.Combine(model, "obj"), "infragen-r2r", SearchOption.AllDirectories));

        var check = packed.RunToolFromFeed(consumer, "check");
        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Contains("out/ matches the model", check.Output);

        File.AppendAllText(Path.Combine(tree, "values", "dev-eu-1", "shop.yaml"), "replicas: 9\n");
        var drift = packed.RunToolFromFeed(consumer, "check", "--no-build");
        Assert.True(drift.ExitCode == 1, drift.ToString());
        Assert.Contains("  changed  out/values/dev-eu-1/shop.yaml", drift.Output);
    }
}
