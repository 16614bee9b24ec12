using System.Globalization;
using System.Text;
using Cogrion.InfraGen.Documents;

namespace Cogrion.InfraGen.Validation.Schemas;

/// <summary>
/// A document's signature for one schema: its structure (keys, kinds, every non-string scalar) and, for each
/// string, only what the schema reads of it (<see cref="ContentShape"/>): nothing, the answer of each content
/// check, or the whole text. Equal signatures get equal verdicts, so each is evaluated once per run.
/// </summary>
public static class ShapeSignature
{
    /// <summary>Answers a content check for a string (cached by the caller for the run).</summary>
    public delegate bool CheckAnswer(ContentCheck check, string text);

    /// <summary>The signature of <paramref name="document"/> under <paramref name="shape"/>.</summary>
    public static string Of(DocNode document, ContentShape shape, CheckAnswer answer)
    {
        // One builder per thread: a run signs thousands of documents, and only the final string needs to be new.
        var text = t_builder ??= new StringBuilder(4096);
        text.Clear();
        Append(text, document, shape, answer);
        return text.ToString();
    }

    [ThreadStatic]
    private static StringBuilder? t_builder;

    // Optimized at first call: a one-shot run signs thousands of documents before tiered JIT would promote it.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void Append(StringBuilder text, DocNode node, ContentShape shape, CheckAnswer answer)
    {
        switch (node)
        {
            case DocMap map:
                text.Append('{');
                foreach (var (key, value) in map)
                {
                    AppendText(text, key);
                    Append(text, value, shape.Property(key), answer);
                }

                text.Append('}');
                break;
            case DocSeq seq:
                text.Append('[');
                var item = shape.Item;
                foreach (var child in seq)
                {
                    Append(text, child, item, answer);
                }

                text.Append(']');
                break;
            case DocScalar scalar:
                text.Append((char)('a' + (int)scalar.Kind));
                if (scalar.Kind != ScalarKind.String || shape.IsWhole)
                {
                    AppendText(text, scalar.Text);
                }
                else
                {
                    foreach (var check in shape.Checks)
                    {
                        text.Append(answer(check, scalar.Text) ? '1' : '0');
                    }
                }

                text.Append(';');
                break;
        }
    }

    /// <summary>Length-prefixed, so no key or text can be mistaken for structure.</summary>
    private static void AppendText(StringBuilder text, string value) =>
        text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
}
