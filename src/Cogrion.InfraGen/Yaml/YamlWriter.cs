using System.Text;
using Cogrion.InfraGen.Documents;

namespace Cogrion.InfraGen.Yaml;

/// <summary>
/// Writes documents as block YAML the way the seed shows it: two-space indent, sequences indented under
/// their key, keys in the order the document holds them, <c>\n</c> line ends, no trailing spaces.
/// </summary>
public static class YamlWriter
{
    /// <summary>The longest key written as <c>key:</c>; kept below the 1024 characters YAML allows an implicit key.</summary>
    public const int MaxImplicitKeyLength = 1000;

    /// <summary>One or more documents (separated by <c>---</c>), after an optional comment header.</summary>
    public static string Write(IReadOnlyList<DocNode> documents, string? header = null)
    {
        // One builder per thread: a run writes thousands of files, and only each file's final string needs to be new.
        var output = t_builder ??= new StringBuilder(4096);
        output.Clear();
        if (header is not null)
        {
            AppendComment(output, header);
        }

        for (var i = 0; i < documents.Count; i++)
        {
            if (i > 0)
            {
                output.Append("---\n");
            }

            try
            {
                WriteTopLevel(output, documents[i]);
            }
            catch (YamlRenderException e)
            {
                throw e.InDocument(i);
            }
        }

        var text = output.ToString();
        if (output.Capacity > MaxKeptCapacity)
        {
            t_builder = null; // A huge file (the README of a thousand clusters) should not pin its buffer for the run.
        }

        return text;
    }

    private const int MaxKeptCapacity = 64 * 1024;

    [ThreadStatic]
    private static StringBuilder? t_builder;

    /// <summary>Each line of <paramref name="text"/> as a <c>#</c> comment line.</summary>
    private static void AppendComment(StringBuilder output, string text)
    {
        var rest = text.AsSpan();
        while (true)
        {
            var end = rest.IndexOf('\n');
            var line = end < 0 ? rest : rest[..end];
            output.Append(line.IsEmpty ? "#" : "# ").Append(line).Append('\n');
            if (end < 0)
            {
                return;
            }

            rest = rest[(end + 1)..];
        }
    }

    /// <summary>One document, no header.</summary>
    public static string Write(DocNode document) => Write([document]);

    private static void WriteTopLevel(StringBuilder output, DocNode node)
    {
        switch (node)
        {
            case DocMap { Count: > 0 } map:
                WriteMap(output, map, 0, inlineFirst: false);
                break;
            case DocSeq { Count: > 0 } seq:
                WriteSeq(output, seq, 0);
                break;
            default:
                WriteFlowOrScalar(output, node);
                output.Append('\n');
                break;
        }
    }

    private static void WriteMap(StringBuilder output, DocMap map, int indent, bool inlineFirst)
    {
        var first = true;
        foreach (var (key, value) in map)
        {
            if (!(first && inlineFirst))
            {
                output.Append(' ', indent);
            }

            first = false;
            try
            {
                WriteKey(output, key, indent);
            }
            catch (YamlRenderException e)
            {
                throw e.InKeyOf(key);
            }

            try
            {
                WriteAfterIndicator(output, value, indent);
            }
            catch (YamlRenderException e)
            {
                throw e.Under(key);
            }
        }
    }

    /// <summary>
    /// <c>key:</c>, or <c>? key</c> and <c>:</c> on the next line for a key longer than YAML lets an implicit key be
    /// (1024 characters, counted by readers from the key's first character to the colon, quotes and escapes included).
    /// </summary>
    private static void WriteKey(StringBuilder output, string key, int indent)
    {
        var start = output.Length;
        YamlScalars.AppendString(output, key);
        if (output.Length - start > MaxImplicitKeyLength)
        {
            output.Insert(start, "? ").Append('\n').Append(' ', indent);
        }

        output.Append(':');
    }

    private static void WriteSeq(StringBuilder output, DocSeq seq, int indent)
    {
        for (var i = 0; i < seq.Count; i++)
        {
            output.Append(' ', indent).Append('-');
            try
            {
                if (seq[i] is DocMap { Count: > 0 } map)
                {
                    output.Append(' ');
                    WriteMap(output, map, indent + 2, inlineFirst: true);
                }
                else
                {
                    WriteAfterIndicator(output, seq[i], indent);
                }
            }
            catch (YamlRenderException e)
            {
                throw e.Under(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>The value after <c>key:</c> or <c>-</c>: on the same line for scalars and empty collections, else below.</summary>
    private static void WriteAfterIndicator(StringBuilder output, DocNode value, int indent)
    {
        switch (value)
        {
            case DocMap { Count: > 0 } map:
                output.Append('\n');
                WriteMap(output, map, indent + 2, inlineFirst: false);
                break;
            case DocSeq { Count: > 0 } seq:
                output.Append('\n');
                WriteSeq(output, seq, indent + 2);
                break;
            default:
                output.Append(' ');
                WriteFlowOrScalar(output, value);
                output.Append('\n');
                break;
        }
    }

    private static void WriteFlowOrScalar(StringBuilder output, DocNode node)
    {
        switch (node)
        {
            case DocMap:
                output.Append("{}");
                break;
            case DocSeq:
                output.Append("[]");
                break;
            case DocScalar { Kind: ScalarKind.String } scalar:
                YamlScalars.AppendString(output, scalar.Text);
                break;
            case DocScalar scalar:
                output.Append(scalar.Text);
                break;
        }
    }
}
