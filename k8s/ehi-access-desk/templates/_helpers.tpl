{{/* Object name of one application: <release>-<application>. Argument: dict "root" $ "app" $app. */}}
{{- define "ehi.name" -}}
{{- printf "%s-%s" .root.Release.Name .app.name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "ehi.selectorLabels" -}}
app.kubernetes.io/name: {{ .app.name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "ehi.labels" -}}
{{ include "ehi.selectorLabels" . }}
app.kubernetes.io/part-of: ehi-access-desk
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" }}
{{- end -}}

{{/* Labels of chart objects that belong to no one application. Argument: $. */}}
{{- define "ehi.commonLabels" -}}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/part-of: ehi-access-desk
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{/* CloudNativePG Cluster of one database: <release>-<database>-db. Argument: dict "root" $ "db" name. */}}
{{- define "ehi.dbCluster" -}}
{{- printf "%s-%s-db" .root.Release.Name .db | trunc 50 | trimSuffix "-" -}}
{{- end -}}

{{/* Secret with the datasource's username and password. Argument: dict "root" $ "db" name. */}}
{{- define "ehi.dbSecret" -}}
{{- if .root.Values.postgresql.cloudnativepg.enabled -}}
{{- printf "%s-app" (include "ehi.dbCluster" .) -}}
{{- else -}}
{{- $ext := get .root.Values.postgresql.external.databases .db -}}
{{- $ext.existingSecret | default (include "ehi.dbCluster" .) -}}
{{- end -}}
{{- end -}}

{{/* quarkus.datasource.jdbc.url of one database. Argument: dict "root" $ "db" name. */}}
{{- define "ehi.jdbcUrl" -}}
{{- if .root.Values.postgresql.cloudnativepg.enabled -}}
{{- printf "jdbc:postgresql://%s-rw:5432/%s" (include "ehi.dbCluster" .) .db -}}
{{- else -}}
{{- $ext := .root.Values.postgresql.external -}}
{{- $db := get $ext.databases .db -}}
{{- printf "jdbc:postgresql://%s:%v/%s%s" $ext.host $ext.port $db.name $ext.jdbcParameters -}}
{{- end -}}
{{- end -}}

{{- define "ehi.oidcSecret" -}}
{{- .Values.oidc.existingSecret | default (printf "%s-oidc" .Release.Name) -}}
{{- end -}}

{{- define "ehi.smtpSecret" -}}
{{- .Values.smtp.existingSecret | default (printf "%s-smtp" .Release.Name) -}}
{{- end -}}

{{- define "ehi.image" -}}
{{- printf "%s/%s:%s" .root.Values.image.registry .app.name (.root.Values.image.tag | default .root.Chart.AppVersion) -}}
{{- end -}}
