{{- define "scrawl.labels" -}}
app.kubernetes.io/name: scrawl
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end -}}
