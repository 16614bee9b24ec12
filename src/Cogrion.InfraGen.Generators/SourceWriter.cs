using System.Text;

namespace Cogrion.InfraGen.Generators;

/// <summary>
/// Generated C# line by line at the current indentation (System.Text.Json's <c>SourceWriter</c>): blocks open and
/// close with their braces, so no emitter counts spaces. Lines end in <c>\n</c> on every machine.
/// </summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";

    private readonly StringBuilder _text = new();

    /// <summary>How many levels deep the next line is.</summary>
    public int Indentation { get; set; }

    /// <summary>An empty line (never indented).</summary>
    public SourceWriter WriteLine()
    {
        _text.Append('\n');
        return this;
    }

    /// <summary>
    /// <paramref name="line"/> at the current indentation. Line breaks inside it (a verbatim string's) are written as
    /// they are: the text of a literal is not the code's to indent.
    /// </summary>
    public SourceWriter WriteLine(string line)
    {
        for (var i = 0; i < Indentation; i++)
        {
            _text.Append(IndentUnit);
        }

        _text.Append(line).Append('\n');
        return this;
    }

    /// <summary>A preprocessor directive (<c>#pragma</c>), which stands at the start of its line.</summary>
    public SourceWriter WriteDirective(string directive)
    {
        _text.Append(directive).Append('\n');
        return this;
    }

    /// <summary>An opening brace, and one level deeper.</summary>
    public SourceWriter OpenBlock()
    {
        WriteLine("{");
        Indentation++;
        return this;
    }

    /// <summary>One level up, and the closing brace with <paramref name="after"/> (<c>;</c>, <c>)</c>, <c>,</c>).</summary>
    public SourceWriter CloseBlock(string after = "")
    {
        Indentation--;
        return WriteLine("}" + after);
    }

    public override string ToString() => _text.ToString();
}
