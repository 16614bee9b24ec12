using Cogrion.InfraGen.Diagnostics;
using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Validation;
using Cogrion.InfraGen.Yaml;

namespace Cogrion.InfraGen.Rendering;

/// <summary>
/// INFRA1201 for a value YAML cannot carry: the output file and the JSON pointer inside it, and for a values file the
/// values record and property that hold the value, at the property's declaration (where the generator recorded it).
/// </summary>
internal static class UnrenderableValue
{
    public static InfraDiagnostic Diagnose(
        string path, FileKind kind, IReadOnlyList<DocNode> documents, SourceLocation origin, Cluster? cluster, App? app, YamlRenderException e)
    {
        var pointer = Printable(DocPointer.Format(e.Path));
        var inDocument = documents.Count > 1 ? $"In document {e.Document + 1}, " : string.Empty;
        var values = kind is FileKind.ClusterValues or FileKind.ChartDefaults && app is not null && e.Path.Count > 0
            ? app.ValuesInfo
            : null;
        if (values is null)
        {
            var subject = $"{inDocument}{(e.InKey ? "the key" : "the value")} at {(pointer.Length == 0 ? "the document root" : pointer)}";
            return ModelErrors.Unrenderable(path, pointer, char.ToUpperInvariant(subject[0]) + subject[1..], e.Message, origin);
        }

        // A bad key belongs to the dictionary property above it.
        var propertyPath = e.InKey ? e.Path.Take(e.Path.Count - 1).ToList() : e.Path;
        var (keys, declared) = ValuesView.Property(values, documents[e.Document], propertyPath);
        var whose = kind == FileKind.ClusterValues ? $"app '{app?.Name}' on cluster '{cluster?.Name}'" : $"the defaults of chart '{app?.Name}'";
        var property = keys.Length == 0 ? values.TypeName : $"{values.TypeName} property '{keys}'";
        return ModelErrors.Unrenderable(path, pointer, $"{(e.InKey ? "A key of" : "The value of")} {property} ({whose})", e.Message, declared ?? origin);
    }

    /// <summary>The text with each lone surrogate as <c>\uXXXX</c>: a console or log cannot show it (the key may hold one).</summary>
    private static string Printable(string text)
    {
        var shown = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var paired = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (paired)
            {
                shown.Append(text, i++, 2);
            }
            else if (char.IsSurrogate(text[i]))
            {
                shown.Append("\\u").Append(((int)text[i]).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                shown.Append(text[i]);
            }
        }

        return shown.ToString();
    }
}
