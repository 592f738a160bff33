{{/*
Helpers after Helm's own scaffold (name, fullname, chart, labels, selectorLabels, serviceAccountName),
extended with one "component" per entry of the services: map.
*/}}

{{/* The chart name, or nameOverride. */}}
{{- define "bilan.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The release-wide prefix of every resource name. */}}
{{- define "bilan.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Chart name and version, for the helm.sh/chart label. */}}
{{- define "bilan.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels every resource of the release carries. */}}
{{- define "bilan.labels" -}}
helm.sh/chart: {{ include "bilan.chart" . }}
{{ include "bilan.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: bilan
{{- end }}

{{/* Labels selecting every pod of the release (the default-deny NetworkPolicy uses them). */}}
{{- define "bilan.selectorLabels" -}}
app.kubernetes.io/name: {{ include "bilan.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* Name of one service's resources: dict "root" $ "name" <services key>. */}}
{{- define "bilan.componentName" -}}
{{- printf "%s-%s" (include "bilan.fullname" .root) .name | trunc 54 | trimSuffix "-" }}
{{- end }}

{{/* Labels of one service's resources: dict "root" $ "name" <services key>. */}}
{{- define "bilan.componentLabels" -}}
{{ include "bilan.labels" .root }}
app.kubernetes.io/component: {{ .name }}
{{- end }}

{{/* Labels selecting one service's pods: dict "root" $ "name" <services key>. */}}
{{- define "bilan.componentSelectorLabels" -}}
{{ include "bilan.selectorLabels" .root }}
app.kubernetes.io/component: {{ .name }}
{{- end }}

{{/* The ServiceAccount of one service: dict "root" $ "name" <services key>. */}}
{{- define "bilan.serviceAccountName" -}}
{{- include "bilan.componentName" . }}
{{- end }}

{{/* One service's settings: the defaults, overridden by services.<name>. Returns YAML. */}}
{{- define "bilan.serviceValues" -}}
{{- $service := index .root.Values.services .name }}
{{- toYaml (mergeOverwrite (deepCopy .root.Values.defaults) (deepCopy $service)) }}
{{- end }}

{{/* The image of one service: dict "root" $ "service" <merged settings>. */}}
{{- define "bilan.image" -}}
{{- $global := .root.Values.global.image }}
{{- $image := .service.image }}
{{- $registry := default $global.registry $image.registry }}
{{- $tag := default (default .root.Chart.AppVersion $global.tag) $image.tag }}
{{- if $registry }}
{{- printf "%s/%s:%s" $registry $image.repository $tag }}
{{- else }}
{{- printf "%s:%s" $image.repository $tag }}
{{- end }}
{{- end }}

{{/* The gRPC channel name of a service (the <domain> of bilan.<domain>.v1): retention-service → retention. */}}
{{- define "bilan.channelName" -}}
{{- trimSuffix "-service" . }}
{{- end }}

{{/*
NetworkPolicy peers of an external dependency: dict "egress" <mongodb.egress…> "what" <name for the message>.
Fails when nothing says where the dependency is: an empty peer list would allow every destination.
*/}}
{{- define "bilan.egressPeers" -}}
{{- $e := .egress }}
{{- if and (empty $e.cidrs) (empty $e.namespaceSelector) (empty $e.podSelector) }}
{{- fail (printf "%s.egress: set cidrs, namespaceSelector or podSelector (where %s is), or networkPolicy.enabled=false" .what .what) }}
{{- end }}
{{- $peers := list }}
{{- range $e.cidrs }}
{{- $peers = append $peers (dict "ipBlock" (dict "cidr" .)) }}
{{- end }}
{{- if or $e.namespaceSelector $e.podSelector }}
{{- $peer := dict }}
{{- with $e.namespaceSelector }}{{- $_ := set $peer "namespaceSelector" (dict "matchLabels" .) }}{{- end }}
{{- with $e.podSelector }}{{- $_ := set $peer "podSelector" (dict "matchLabels" .) }}{{- end }}
{{- $peers = append $peers $peer }}
{{- end }}
{{- toYaml $peers }}
{{- end }}

{{/* NetworkPolicy ports: a list of port numbers, TCP. */}}
{{- define "bilan.tcpPorts" -}}
{{- range . }}
- protocol: TCP
  port: {{ . }}
{{- end }}
{{- end }}
