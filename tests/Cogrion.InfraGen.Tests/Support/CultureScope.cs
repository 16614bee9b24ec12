using System.Globalization;

namespace Cogrion.InfraGen.Tests.Support;

/// <summary>
/// Runs code under a culture (current and UI), after checking the culture really behaves as that culture: with
/// globalization-invariant mode or without ICU every culture formats like the invariant one, and a culture test
/// would pass without testing anything.
/// </summary>
public static class CultureScope
{
    /// <summary>The cultures the tree must not depend on; "" is the invariant culture.</summary>
    public static TheoryData<string> Cultures => new() { "", "tr-TR", "de-DE", "ja-JP" };

    /// <summary>Runs <paramref name="run"/> with <paramref name="name"/> as the current culture, then restores the previous one.</summary>
    public static T Run<T>(string name, Func<T> run)
    {
        var culture = CultureInfo.GetCultureInfo(name);
        AssertLive(culture);
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        try
        {
            return run();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (previous, previousUi);
        }
    }

    private static void AssertLive(CultureInfo culture)
    {
        switch (culture.Name)
        {
            case "tr-TR":
                Assert.Equal("ı", "I".ToLower(culture)); // The dotless i: what breaks culture-sensitive lower-casing.
                break;
            case "de-DE":
                Assert.Equal("1,5", 1.5m.ToString(culture)); // The decimal comma.
                break;
            case "ja-JP":
                Assert.Equal("午前", culture.DateTimeFormat.AMDesignator);
                break;
        }
    }
}
