using System.Globalization;
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
    public static string Of(DocNode document, ContentShape shape, CheckAnswer answer) => new(Sign(document, shape, answer));

    /// <summary>
    /// The signature in this thread's buffer, valid until the thread's next call: a run signs thousands of documents,
    /// and a signature seen before (nearly all of them) need never become a string.
    /// </summary>
    internal static ReadOnlySpan<char> Sign(DocNode document, ContentShape shape, CheckAnswer answer)
    {
        var text = t_text ??= new Text();
        text.Length = 0;
        Append(text, document, shape, answer);
        return text.Written;
    }

    [ThreadStatic]
    private static Text? t_text;

    // Optimized at first call: a one-shot run signs thousands of documents before tiered JIT would promote it.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void Append(Text text, DocNode node, ContentShape shape, CheckAnswer answer)
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
    private static void AppendText(Text text, string value)
    {
        text.Append(value.Length);
        text.Append(':');
        text.Append(value);
    }

    /// <summary>A growable character buffer (a signature is read as a span, so it must be one piece, unlike a StringBuilder's chunks).</summary>
    private sealed class Text
    {
        private char[] _chars = new char[4096];

        public int Length { get; set; }

        public ReadOnlySpan<char> Written => _chars.AsSpan(0, Length);

        public void Append(char c)
        {
            Reserve(1);
            _chars[Length++] = c;
        }

        public void Append(string value)
        {
            Reserve(value.Length);
            value.CopyTo(_chars.AsSpan(Length));
            Length += value.Length;
        }

        public void Append(int value)
        {
            Reserve(11);
            value.TryFormat(_chars.AsSpan(Length), out var written, provider: CultureInfo.InvariantCulture);
            Length += written;
        }

        private void Reserve(int more)
        {
            if (Length + more > _chars.Length)
            {
                Array.Resize(ref _chars, Math.Max(_chars.Length * 2, Length + more));
            }
        }
    }
}
