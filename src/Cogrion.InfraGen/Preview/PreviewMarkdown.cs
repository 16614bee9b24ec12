using System.Text;

namespace Cogrion.InfraGen.Preview;

/// <summary>
/// A preview as Markdown for a pull request: per cluster and app, the objects added, removed and changed, each changed
/// object with a field-level diff (long diffs cut, long values shortened, so one CRD change cannot drown the comment).
/// </summary>
public static class PreviewMarkdown
{
    private const int FieldsPerObject = 30;
    private const int ValueLength = 160;

    public static string Write(PreviewReport report)
    {
        var text = new StringBuilder();
        text.Append("### What the clusters will change (Helm-rendered, base `").Append(report.Base).Append("` -> this change)\n\n");
        if (report.Changes.Count == 0)
        {
            text.Append("No Kubernetes object changes on any cluster.\n");
            return text.ToString();
        }

        foreach (var app in report.Changes.GroupBy(c => (c.Cluster, c.App)))
        {
            text.Append("#### ").Append(app.Key.Cluster).Append(" / ").Append(app.Key.App).Append('\n');
            foreach (var change in app)
            {
                var where = change.Namespace is { Length: > 0 } ns ? $" in `{ns}`" : "";
                text.Append("- ").Append(change.Kind switch { ChangeKind.Added => "added", ChangeKind.Removed => "removed", _ => "changed" })
                    .Append(" `").Append(change.Object).Append('`').Append(where).Append('\n');
                if (change.Kind != ChangeKind.Changed)
                {
                    continue;
                }

                text.Append("  ```diff\n");
                foreach (var field in change.Fields.Take(FieldsPerObject))
                {
                    if (field.Before is not null)
                    {
                        text.Append("  - ").Append(field.Path).Append(": ").Append(Short(field.Before)).Append('\n');
                    }

                    if (field.After is not null)
                    {
                        text.Append("  + ").Append(field.Path).Append(": ").Append(Short(field.After)).Append('\n');
                    }
                }

                if (change.Fields.Count > FieldsPerObject)
                {
                    text.Append("  … ").Append(change.Fields.Count - FieldsPerObject).Append(" more fields\n");
                }

                text.Append("  ```\n");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static string Short(string value)
    {
        var line = value.ReplaceLineEndings(" ⏎ ");
        return line.Length <= ValueLength ? line : line[..ValueLength] + $"… ({value.Length} characters)";
    }
}
