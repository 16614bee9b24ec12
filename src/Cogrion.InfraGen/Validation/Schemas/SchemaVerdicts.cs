using System.Collections.Concurrent;
using Cogrion.InfraGen.Documents;

namespace Cogrion.InfraGen.Validation.Schemas;

/// <summary>
/// The schema verdicts of one validation run: each distinct signature is evaluated once, however many documents
/// share it (a thousand clusters' Applications differ only in strings no schema reads). Thread-safe; results
/// belong to the run, so every run evaluates afresh.
/// </summary>
public sealed class SchemaVerdicts
{
    private readonly ConcurrentDictionary<CompiledSchema, ConcurrentDictionary<string, Lazy<IReadOnlyList<SchemaFinding>>>> _verdicts = new();
    private readonly ConcurrentDictionary<(ContentCheck Check, string Text), bool> _answers = new();
    private int _evaluations;

    /// <summary>How many full schema evaluations this run made.</summary>
    public int Evaluations => _evaluations;

    /// <summary>The findings of <paramref name="schema"/> for <paramref name="document"/>; empty when it is valid.</summary>
    public IReadOnlyList<SchemaFinding> Evaluate(CompiledSchema schema, DocNode document)
    {
        var bySignature = _verdicts.GetOrAdd(schema, static _ => new(StringComparer.Ordinal));
        var signature = ShapeSignature.Sign(document, schema.Shape, Answer);
        if (bySignature.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(signature, out var known))
        {
            return known.Value; // The common case: no string made, no evaluation.
        }

        return bySignature.GetOrAdd(signature.ToString(), _ => new Lazy<IReadOnlyList<SchemaFinding>>(() =>
        {
            Interlocked.Increment(ref _evaluations);
            return schema.Evaluate(document);
        })).Value;
    }

    private bool Answer(ContentCheck check, string text) => _answers.GetOrAdd((check, text), static key => key.Check.Accepts(key.Text));
}
