using System.Diagnostics;

namespace Cogrion.InfraGen.Diagnostics;

/// <summary>Where an exception left the model's own code: the line an error about it points at.</summary>
internal static class ThrowSite
{
    /// <summary>
    /// The innermost frame with a source line that is not InfraGen's (a <c>Memory.Parse</c> that refuses a value
    /// throws inside InfraGen; the line to fix is the model's call). Null when no such frame has a line: the
    /// model was built without symbols, or threw only inside InfraGen or the runtime.
    /// </summary>
    public static SourceLocation? InModel(Exception exception)
    {
        foreach (var frame in new StackTrace(exception, fNeedFileInfo: true).GetFrames())
        {
            var assembly = frame.GetMethod()?.DeclaringType?.Assembly;
            if (frame.GetFileName() is { Length: > 0 } file && frame.GetFileLineNumber() > 0
                && assembly != typeof(ThrowSite).Assembly && assembly != typeof(SourceLocation).Assembly)
            {
                return new SourceLocation(file, frame.GetFileLineNumber());
            }
        }

        return null;
    }
}
