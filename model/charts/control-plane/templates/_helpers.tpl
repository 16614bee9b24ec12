{{/* The chart's resource name: the release name, which Argo CD sets to the Application name. */}}
{{- define "control-plane.name" -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels on every resource. */}}
{{- define "control-plane.labels" -}}
app.kubernetes.io/name: {{ include "control-plane.name" . }}
app.kubernetes.io/part-of: cogrion
app.kubernetes.io/version: {{ .Values.image.tag | quote }}
cogrion.com/environment: {{ .Values.global.environment }}
cogrion.com/region: {{ .Values.global.region }}
{{- end -}}

{{/* Labels the Service selects pods by; they never change between releases. */}}
{{- define "control-plane.selectorLabels" -}}
app.kubernetes.io/name: {{ include "control-plane.name" . }}
{{- end -}}

{{/*
The Secret the chart's generated ExternalSecret writes: named after the chart, not the release, as InfraGen names it
for every app (upstream charts such as keycloakx take it as a literal value), so it holds under any release name.
*/}}
{{- define "control-plane.secretName" -}}
{{- printf "%s-secrets" .Chart.Name -}}
{{- end -}}
