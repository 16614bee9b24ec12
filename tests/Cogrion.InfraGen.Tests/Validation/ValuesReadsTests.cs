using Cogrion.InfraGen.Documents;
using Cogrion.InfraGen.Validation.Templates;

namespace Cogrion.InfraGen.Tests.Validation;

/// <summary>
/// Which <c>.Values</c> reads of a chart template render unguarded (INFRA2112 judges only those): a read that
/// tolerates a missing key, or whose rendering cannot be known without running the template, is not one.
/// </summary>
public sealed class ValuesReadsTests
{
    [Theory]
    [InlineData("path: {{ .Values.healthPath }}", ".Values.healthPath")]
    [InlineData("value: {{ .Values.global.region | quote }}", ".Values.global.region")]
    [InlineData("{{- toYaml .Values.resources | nindent 12 }}", ".Values.resources")]
    [InlineData("image: {{ required \"set by releases.yaml\" .Values.image.tag }}", ".Values.image.tag")]
    [InlineData("x: {{ $.Values.a }}", ".Values.a")]
    [InlineData("{{- with .Values.b }}\nx: {{ $.Values.a }}\n{{- end }}", ".Values.a")] // $ is the chart's root under with
    [InlineData("{{/* .Values.commented */}}\nx: {{ .Values.a -}}", ".Values.a")]
    public void An_unguarded_read(string template, string read)
    {
        Assert.Equal([read], ValuesReads.Of(template).Select(r => r.Expression));
    }

    [Theory]
    [InlineData("x: {{ .Values.a | default \"none\" }}")]
    [InlineData("x: {{ default \"none\" .Values.a }}")]
    [InlineData("{{- if .Values.a }}\nflag: true\n{{- end }}")]
    [InlineData("{{- with .Values.a }}\nx: {{ . }}\n{{- end }}")]
    [InlineData("{{- with .Values.a }}\nx: {{ .Values.b }}\n{{- end }}")] // the dot is .Values.a here: not the chart's values
    [InlineData("{{- range .Values.items }}\n- {{ . }}\n{{- end }}")]
    [InlineData("{{- define \"x\" }}{{ .Values.a }}{{ end }}")] // depends on what include passes
    [InlineData("{{- if eq .Values.mode \"a\" }}\nx: {{ .Values.a }}\n{{- end }}")] // an if on more than one path
    [InlineData("{{- if .Values.a }}a{{ else if .Values.b }}{{ .Values.c }}{{ end }}")]
    [InlineData("{{- $x := .Values.a }}")]
    [InlineData("x: {{ if hasKey .Values \"a\" }}{{ .Values.a }}{{ end }}")]
    [InlineData("x: {{ .Subcharts.temporal.Values.server.port }}")] // a subchart's values, not this chart's
    [InlineData("x: {{ $temporal.Values.schema.setup }}")]
    [InlineData("x: {{ include \"name\" \".Values.a\" }}")] // inside a string
    public void Not_an_unguarded_read(string template)
    {
        Assert.Empty(ValuesReads.Of(template));
    }

    [Fact]
    public void A_read_under_an_if_on_one_path_renders_where_that_path_is_truthy()
    {
        var read = Assert.Single(ValuesReads.Of("{{- if .Values.ingress.enabled }}\nclass: {{ .Values.ingress.className }}\n{{- end }}"));

        Assert.Equal(".Values.ingress.className", read.Expression);
        Assert.Equal(2, read.Line);
        Assert.True(read.RendersWith(Values(enabled: true)));
        Assert.False(read.RendersWith(Values(enabled: false)));
        Assert.False(read.RendersWith(new DocMap()));
    }

    [Fact]
    public void A_read_in_the_else_branch_renders_where_the_path_is_falsy()
    {
        var read = Assert.Single(ValuesReads.Of("{{- if not .Values.ingress.enabled }}{{ else }}\nclass: {{ .Values.ingress.className }}\n{{- end }}"));

        Assert.True(read.RendersWith(Values(enabled: true)));
        Assert.False(read.RendersWith(Values(enabled: false)));
    }

    private static DocMap Values(bool enabled) => new() { { "ingress", new DocMap { { "enabled", enabled } } } };
}
