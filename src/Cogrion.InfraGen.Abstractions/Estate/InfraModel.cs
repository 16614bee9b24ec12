namespace Cogrion.InfraGen;

/// <summary>Implemented by the one class of a model project that defines the estate.</summary>
public interface IInfraModel
{
    /// <summary>Declares the estate. Called once per run; must be deterministic and do no I/O.</summary>
    Estate Define();
}

/// <summary>
/// Marks the class that defines the estate. The source generator makes the project's entry point and
/// catalog from it; the class needs a public parameterless constructor.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class InfraModelAttribute : Attribute;
