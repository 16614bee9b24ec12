namespace Cogrion.InfraGen.Validation.Templates;

/// <summary>One <c>{{ … }}</c> action of a Go template: its text without delimiters and trim markers, and its line.</summary>
/// <param name="Text">What stands between <c>{{</c> and <c>}}</c>, trimmed (<c>if .Values.ingress.enabled</c>).</param>
/// <param name="Line">The 1-based line the action starts on.</param>
public sealed record TemplateAction(string Text, int Line);

/// <summary>
/// Cuts a chart template into its actions, the way Go's text/template lexer delimits them: <c>{{</c> to the next
/// <c>}}</c> outside a quoted or raw string, <c>{{-</c>/<c>-}}</c> trim markers dropped, comments (<c>{{/* … */}}</c>)
/// skipped. The text between actions is YAML for Kubernetes, of no interest here.
/// </summary>
public static class TemplateActions
{
    /// <summary>Every action of <paramref name="template"/>, in order; an unclosed one ends the list.</summary>
    public static List<TemplateAction> Parse(string template)
    {
        var actions = new List<TemplateAction>();
        var line = 1;
        var at = 0;
        while (true)
        {
            var open = template.IndexOf("{{", at, StringComparison.Ordinal);
            if (open < 0)
            {
                return actions;
            }

            line += Count(template, at, open, '\n');
            var start = open + 2;
            if (start + 1 < template.Length && template[start] == '-' && char.IsWhiteSpace(template[start + 1]))
            {
                start += 2;
            }

            var close = Close(template, start);
            if (close < 0)
            {
                return actions;
            }

            var text = template[start..close].Trim();
            if (text.EndsWith(" -", StringComparison.Ordinal) || text == "-")
            {
                text = text[..^1].TrimEnd();
            }

            if (!text.StartsWith("/*", StringComparison.Ordinal))
            {
                actions.Add(new TemplateAction(text, line));
            }

            line += Count(template, open, close, '\n');
            at = close + 2;
        }
    }

    /// <summary>Where the action's <c>}}</c> starts: the first outside a string (a comment ends at <c>*/</c> first).</summary>
    private static int Close(string template, int start)
    {
        var i = start;
        while (i < template.Length && char.IsWhiteSpace(template[i]))
        {
            i++;
        }

        if (string.CompareOrdinal(template, i, "/*", 0, 2) == 0)
        {
            var end = template.IndexOf("*/", i + 2, StringComparison.Ordinal);
            return end < 0 ? -1 : template.IndexOf("}}", end + 2, StringComparison.Ordinal);
        }

        for (; i < template.Length - 1; i++)
        {
            switch (template[i])
            {
                case '"':
                    for (i++; i < template.Length && template[i] != '"'; i++)
                    {
                        if (template[i] == '\\')
                        {
                            i++;
                        }
                    }

                    break;
                case '`':
                    i = template.IndexOf('`', i + 1);
                    if (i < 0)
                    {
                        return -1;
                    }

                    break;
                case '}' when template[i + 1] == '}':
                    return i;
            }
        }

        return -1;
    }

    private static int Count(string text, int from, int to, char c)
    {
        var count = 0;
        for (var i = from; i < to; i++)
        {
            if (text[i] == c)
            {
                count++;
            }
        }

        return count;
    }
}
