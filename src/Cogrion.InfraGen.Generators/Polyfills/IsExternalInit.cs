// netstandard2.0 lacks the types the compiler needs for init accessors and required members.
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit
    {
    }
}
