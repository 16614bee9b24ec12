using System.Text.RegularExpressions;
using Cogrion.InfraGen.Documents;

namespace Cogrion.InfraGen.Validation.Templates;

/// <summary>A <c>.Values</c> path a template reads, and the path of every <c>if</c>/<c>with</c> the read is under.</summary>
/// <param name="Path">The keys read (<c>healthPath</c>, <c>image.tag</c>), one segment each.</param>
/// <param name="Line">The 1-based line of the template it is read on.</param>
/// <param name="Conditions">What must be truthy (or, negated, falsy) for the read to render.</param>
public sealed record ValuesRead(IReadOnlyList<string> Path, int Line, IReadOnlyList<ValuesCondition> Conditions)
{
    /// <summary>Whether the read renders with <paramref name="values"/>: each condition holds.</summary>
    public bool RendersWith(DocNode values) => Conditions.All(c => c.Holds(values));

    /// <summary>The read as the template spells it.</summary>
    public string Expression => ".Values." + string.Join('.', Path);
}

/// <summary>An <c>if</c> or <c>with</c> on one <c>.Values</c> path, possibly under <c>not</c> or in the <c>else</c> branch.</summary>
public sealed record ValuesCondition(IReadOnlyList<string> Path, bool Negated)
{
    /// <summary>Go's truth: false, 0, nil and empty strings, lists and maps are false.</summary>
    public bool Holds(DocNode values) => IsTruthy(DocPointer.Find(values, Path)) != Negated;

    private static bool IsTruthy(DocNode? node) => node switch
    {
        null => false,
        DocScalar { Kind: ScalarKind.Null } => false,
        DocScalar { Kind: ScalarKind.Boolean } s => s.Text == "true",
        DocScalar { Kind: ScalarKind.Integer or ScalarKind.Decimal } s => s.Text.Any(c => c is >= '1' and <= '9'),
        DocScalar s => s.Text.Length > 0,
        DocMap m => m.Count > 0,
        DocSeq q => q.Count > 0,
        _ => true,
    };
}

/// <summary>
/// The <c>.Values</c> reads of a chart template that render unguarded: a value the template needs, so one missing
/// from the values renders as nothing (or, under <c>required</c>, fails). Only what can be known without running
/// the template is returned, so every read returned is a real one: reads that tolerate a missing value (<c>if</c>,
/// <c>with</c>, <c>default</c>, <c>empty</c>, <c>hasKey</c>, <c>coalesce</c>, <c>ternary</c>, an assignment) are
/// not, and neither are reads inside <c>range</c>, <c>define</c>, an <c>else if</c> chain or an <c>if</c> on
/// anything but one <c>.Values</c> path, nor <c>.Values</c> where <c>with</c> has rebound the dot.
/// </summary>
public static partial class ValuesReads
{
    private static readonly HashSet<string> Tolerant = new(StringComparer.Ordinal)
    {
        "if", "with", "range", "else", "default", "empty", "hasKey", "coalesce", "ternary", "and", "or", "not",
    };

    /// <summary>The unguarded reads of <paramref name="template"/>, in order.</summary>
    public static List<ValuesRead> Of(string template)
    {
        var reads = new List<ValuesRead>();
        var blocks = new List<Block>();
        foreach (var action in TemplateActions.Parse(template))
        {
            var text = WithoutStrings(action.Text);
            var words = Words(text);
            var keyword = Keyword().Match(text).Value;
            switch (keyword)
            {
                case "if" or "with":
                    blocks.Add(new Block(Rebinds: keyword == "with", Condition(text[keyword.Length..], blocks)));
                    continue;
                case "range" or "define" or "block":
                    blocks.Add(new Block(Rebinds: true, Condition: null));
                    continue;
                case "else":
                    if (blocks.Count > 0)
                    {
                        var top = blocks[^1];
                        blocks[^1] = words.Count > 1 && words[1] is "if" or "with"
                            ? top with { Condition = null } // else if: which branch runs depends on more than one path
                            : top with { Negated = !top.Negated };
                    }

                    continue;
                case "end":
                    if (blocks.Count > 0)
                    {
                        blocks.RemoveAt(blocks.Count - 1);
                    }

                    continue;
            }

            if (words.Any(Tolerant.Contains) || Assignment().IsMatch(text) || blocks.Any(b => b.Condition is null))
            {
                continue;
            }

            var conditions = blocks.Select(b => b.Condition! with { Negated = b.Condition.Negated != b.Negated }).ToList();
            foreach (Match read in Read().Matches(text))
            {
                if (read.Groups[1].Success || !blocks.Any(b => b.Rebinds))
                {
                    reads.Add(new ValuesRead(read.Groups[2].Value[1..].Split('.'), action.Line, conditions));
                }
            }
        }

        return reads;
    }

    /// <summary>The condition of an <c>if</c>/<c>with</c>: one <c>.Values</c> path, maybe under <c>not</c>; null for anything else.</summary>
    private static ValuesCondition? Condition(string pipeline, List<Block> enclosing)
    {
        var match = SinglePath().Match(pipeline.Trim());
        if (!match.Success || (!match.Groups[2].Success && enclosing.Any(b => b.Rebinds)))
        {
            return null;
        }

        return new ValuesCondition(match.Groups[3].Value[1..].Split('.'), Negated: match.Groups[1].Success);
    }

    /// <summary>The action with its string literals emptied, so words and paths inside them do not count.</summary>
    private static string WithoutStrings(string action) => StringLiteral().Replace(action, "\"\"");

    /// <summary>The function and keyword names of an action (not fields, variables or paths).</summary>
    private static List<string> Words(string action) => [.. Word().Matches(action).Select(m => m.Value)];

    /// <summary>An open <c>if</c>/<c>with</c> (its condition, null when unknown), or a block whose reads are not judged.</summary>
    private sealed record Block(bool Rebinds, ValuesCondition? Condition, bool Negated = false);

    [GeneratedRegex(@"(?<![\w)\].$])(\$)?\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)+)", RegexOptions.CultureInvariant)]
    private static partial Regex Read();

    [GeneratedRegex(@"^(not\s+)?\(?(\$)?\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)+)\)?$", RegexOptions.CultureInvariant)]
    private static partial Regex SinglePath();

    [GeneratedRegex(@"(?<![\w.$])[A-Za-z_][A-Za-z0-9_]*", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*", RegexOptions.CultureInvariant)]
    private static partial Regex Keyword();

    [GeneratedRegex(@":?=(?!=)", RegexOptions.CultureInvariant)]
    private static partial Regex Assignment();

    [GeneratedRegex(@"""(?:[^""\\]|\\.)*""|`[^`]*`", RegexOptions.CultureInvariant)]
    private static partial Regex StringLiteral();
}
