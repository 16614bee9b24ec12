using System.Globalization;
using CsCheck;

namespace Cogrion.InfraGen.Tests.Support;

/// <summary>
/// Runs a property over generated cases with a fixed seed, so CI sees the same cases on every run, and shrinks a
/// failure with CsCheck. CsCheck's own <c>Sample</c> fixes only the first case of a seeded run; here every case comes
/// from one seeded sequence. Run longer or elsewhere with the environment (README, "Property tests"):
/// <c>INFRAGEN_PROPERTY_ITERATIONS</c> (a number, or a multiple of each test's default: <c>10x</c>) and
/// <c>INFRAGEN_PROPERTY_SEED</c> (a number).
/// </summary>
public static class PropertyRun
{
    /// <summary>The seed CI runs with.</summary>
    public const ulong DefaultSeed = 20_260_008;

    /// <summary>The seed of this run: <c>INFRAGEN_PROPERTY_SEED</c>, else <see cref="DefaultSeed"/>.</summary>
    public static ulong Seed { get; } =
        ulong.TryParse(Environment.GetEnvironmentVariable("INFRAGEN_PROPERTY_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : DefaultSeed;

    /// <summary>How many cases a property with <paramref name="defaultIterations"/> runs in this run.</summary>
    public static int Iterations(int defaultIterations)
    {
        var setting = Environment.GetEnvironmentVariable("INFRAGEN_PROPERTY_ITERATIONS")?.Trim();
        if (string.IsNullOrEmpty(setting))
        {
            return defaultIterations;
        }

        return setting.EndsWith('x') && int.TryParse(setting[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var factor)
            ? defaultIterations * factor
            : int.Parse(setting, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Calls <paramref name="assert"/> on <see cref="Iterations"/> cases of <paramref name="gen"/>. On a failure, CsCheck
    /// shrinks from the failing case's seed to a smaller failing case; the error names both seeds.
    /// </summary>
    public static void Check<T>(Gen<T> gen, Action<T> assert, int defaultIterations, Func<T, string>? print = null)
    {
        var sequence = new PCG(1, Seed);
        var iterations = Iterations(defaultIterations);
        for (var i = 0; i < iterations; i++)
        {
            var caseSeed = new PCG(sequence.Stream, sequence.Next64()).ToString();
            var value = gen.Generate(PCG.Parse(caseSeed), null, out _);
            try
            {
                assert(value);
            }
            catch (Exception failure)
            {
                throw Shrunk(gen, assert, print, caseSeed, i, failure);
            }
        }
    }

    private static Exception Shrunk<T>(Gen<T> gen, Action<T> assert, Func<T, string>? print, string caseSeed, int iteration, Exception failure)
    {
        var where = $"Property failed at case {iteration} of the run with INFRAGEN_PROPERTY_SEED={Seed} (case seed {caseSeed}).";
        try
        {
            // CsCheck starts from the failing case and keeps the smallest failing case it finds.
            gen.Sample(assert, seed: caseSeed, iter: 2000, threads: 1, print: print);
        }
        catch (Exception shrunk)
        {
            return new Xunit.Sdk.XunitException($"{where}\nSmallest failing case CsCheck found:\n{shrunk.Message}", shrunk);
        }

        return new Xunit.Sdk.XunitException($"{where}\n{failure.Message}", failure);
    }
}
