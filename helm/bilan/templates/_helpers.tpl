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

{{/*
The call topology, files/topology.yaml (its one source, which the launcher and the tests read too):
per component its gRPC channel, ports and the services it calls. Returns YAML: the services: map.
*/}}
{{- define "bilan.topology" -}}
{{- $topology := .Files.Get "files/topology.yaml" | fromYaml }}
{{- required "files/topology.yaml is missing or has no services: map" $topology.services | toYaml }}
{{- end }}

{{/*
The services that read the centres' settings (bilan.centres.*, one schema: service-support's Centres):
each gets the same values key `centres`, and the helm test compares their fingerprints (notification-service
reads each centre's zone and working days: reminders at the centre's hour, times in its messages, the CPF
deadlines of its digests; beneficiary-service its working days and hourly price: the CPF dossiers'
deadlines and amounts; quality-service each centre's name and zone: the survey page, the published
results, the reminders' days). Returns YAML.
*/}}
{{- define "bilan.centreReaders" -}}
{{- toYaml (list "session-service" "synthesis-service" "notification-service" "beneficiary-service" "quality-service") }}
{{- end }}

{{/*
The services that read logins in Keycloak's admin API with the realm's bilan-directory client (view
users only): beneficiary-service checks logins, notification-service finds staff's e-mail addresses.
Returns YAML.
*/}}
{{- define "bilan.directoryReaders" -}}
{{- toYaml (list "beneficiary-service" "notification-service") }}
{{- end }}

{{/*
The mail relay notification-service sends through, for its NetworkPolicy: peers from
notification.smtp.egress, else what the host says (an IPv4 address: its /32; an in-cluster name
<service>.<namespace>[.svc…]: its namespace), and the relay's port. Returns YAML: peers, port.
*/}}
{{- define "bilan.mailRelay" -}}
{{- $smtp := .Values.notification.smtp }}
{{- $egress := $smtp.egress }}
{{- if and (empty $egress.cidrs) (empty $egress.namespaceSelector) (empty $egress.podSelector) }}
{{- $inCluster := printf "^[a-z0-9]([-a-z0-9]*[a-z0-9])?\\.([a-z0-9]([-a-z0-9]*[a-z0-9])?)(\\.svc(\\.%s)?)?$" (replace "." "\\." $.Values.clusterDomain) }}
{{- if regexMatch "^[0-9]{1,3}(\\.[0-9]{1,3}){3}$" $smtp.host }}
{{- $egress = dict "cidrs" (list (printf "%s/32" $smtp.host)) }}
{{- else if regexMatch $inCluster $smtp.host }}
{{- $egress = dict "namespaceSelector" (dict "kubernetes.io/metadata.name" (index (splitList "." $smtp.host) 1)) }}
{{- end }}
{{- end }}
peers:
  {{- include "bilan.egressPeers" (dict "egress" $egress "what" (printf "the mail relay %s" $smtp.host) "key" "notification.smtp") | nindent 2 }}
port: {{ $smtp.port }}
{{- end }}

{{/*
quality-service's public address (bilan.quality.public-url), which the survey links and the published
results' pages start with: quality.publicUrl, else https://<gateway.ingress.host><gateway.ingress.path>
when the chart's Ingress serves the API; required otherwise. No trailing slash (paths are appended).
*/}}
{{- define "bilan.qualityPublicUrl" -}}
{{- $url := .Values.quality.publicUrl }}
{{- $ingress := .Values.gateway.ingress }}
{{- if and (not $url) $ingress.enabled $ingress.host .Values.services.gateway.enabled }}
{{- $url = printf "https://%s%s" $ingress.host $ingress.path }}
{{- end }}
{{- required "quality.publicUrl is required: the API's public base URL (https://…) the survey links and the published results' pages start with; or enable gateway.ingress with its host" $url | trimSuffix "/" }}
{{- end }}

{{/*
The centres' settings as Spring reads them from SPRING_APPLICATION_JSON: {"bilan":{"centres":…}},
an empty defaults or overrides left out (Spring would take an empty object for a value).
*/}}
{{- define "bilan.centresJson" -}}
{{- $centres := dict }}
{{- range $key := list "defaults" "overrides" }}
{{- with index $.Values.centres $key }}
{{- $_ := set $centres $key . }}
{{- end }}
{{- end }}
{{- dict "bilan" (dict "centres" $centres) | toJson }}
{{- end }}

{{/*
One service's settings: the defaults, overridden by services.<name>, with its channel, ports and
calls from the topology. Returns YAML. Refuses the topology's keys in the values: they moved.
*/}}
{{- define "bilan.serviceValues" -}}
{{- $service := index .root.Values.services .name }}
{{- range $key := list "calls" "grpcPort" "httpPort" "managementPort" }}
{{- if hasKey $service $key }}
{{- fail (printf "services.%s.%s moved to the chart's files/topology.yaml, the one source of who calls whom and on which ports (the launcher and the tests read it too): remove it from the values" $.name $key) }}
{{- end }}
{{- end }}
{{- $topology := index (include "bilan.topology" .root | fromYaml) .name }}
{{- toYaml (mergeOverwrite (deepCopy .root.Values.defaults) (deepCopy $service) (deepCopy $topology)) }}
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

{{/*
NetworkPolicy peers of an external dependency: dict "egress" <mongodb.egress…> "what" <name for the message>
and optionally "key" <its values key, when not what>.
Fails when nothing says where the dependency is: an empty peer list would allow every destination.
*/}}
{{- define "bilan.egressPeers" -}}
{{- $e := .egress }}
{{- if and (empty $e.cidrs) (empty $e.namespaceSelector) (empty $e.podSelector) }}
{{- fail (printf "%s.egress: set cidrs, namespaceSelector or podSelector (where %s is), or networkPolicy.enabled=false" (default .what .key) .what) }}
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

{{/*
The OpenTelemetry collector of observability.tracing.otlpEndpoint, for the NetworkPolicy egress: YAML
{peers, port}, empty without an endpoint. The port is the URL's (else 80/443); the peers are
observability.tracing.egress, else what the host says: an in-cluster name <service>.<namespace>[.svc…]
gives its namespace, an IPv4 address its /32.
*/}}
{{- define "bilan.otlpCollector" -}}
{{- $tracing := .Values.observability.tracing }}
{{- with $tracing.otlpEndpoint }}
{{- $url := urlParse . }}
{{- $host := regexReplaceAll ":[0-9]+$" $url.host "" }}
{{- $port := trimPrefix ":" (regexFind ":[0-9]+$" $url.host) | default (ternary "443" "80" (eq $url.scheme "https")) }}
{{- $egress := $tracing.egress }}
{{- if and (empty $egress.cidrs) (empty $egress.namespaceSelector) (empty $egress.podSelector) }}
{{- $inCluster := printf "^[a-z0-9]([-a-z0-9]*[a-z0-9])?\\.([a-z0-9]([-a-z0-9]*[a-z0-9])?)(\\.svc(\\.%s)?)?$" (replace "." "\\." $.Values.clusterDomain) }}
{{- if regexMatch "^[0-9]{1,3}(\\.[0-9]{1,3}){3}$" $host }}
{{- $egress = dict "cidrs" (list (printf "%s/32" $host)) }}
{{- else if regexMatch $inCluster $host }}
{{- $egress = dict "namespaceSelector" (dict "kubernetes.io/metadata.name" (index (splitList "." $host) 1)) }}
{{- end }}
{{- end }}
peers:
  {{- include "bilan.egressPeers" (dict "egress" $egress "what" (printf "the OpenTelemetry collector %s" $host) "key" "observability.tracing") | nindent 2 }}
port: {{ $port }}
{{- end }}
{{- end }}

{{/*
One MongoDB user and database per service: refuses the former single connection string, two services
on the same Secret key (one credential for all) and two on the same database (their access_records,
shedlock and page_token_keys would meet, TTL indexes included).
*/}}
{{- define "bilan.mongodbChecks" -}}
{{- $mongo := .Values.mongodb }}
{{- if or $mongo.existingSecret $mongo.uriKey }}
{{- fail "mongodb.existingSecret was replaced by one user and one database per service (mongodb.existingSecret and mongodb.uriKey: one connection string for every service): set mongodb.services.<beneficiary-service|session-service|synthesis-service|retention-service|notification-service|quality-service>.existingSecret and .uriKey, and move the data first (docs/operations.md, section \"MongoDB users\")" }}
{{- end }}
{{- $credentials := dict }}
{{- $databases := dict }}
{{- range $name, $raw := .Values.services }}
{{- if and $raw.enabled (ne $name "gateway") }}
{{- $m := index $mongo.services $name }}
{{- $credential := printf "%s/%s" (required (printf "mongodb.services.%s.existingSecret is required: an existing Secret with %s's own MongoDB URI (spring.mongodb.uri)" $name $name) $m.existingSecret) $m.uriKey }}
{{- with get $credentials $credential }}
{{- fail (printf "mongodb.services.%s and mongodb.services.%s read the same connection string (Secret key %s): give each service its own user" . $name $credential) }}
{{- end }}
{{- $_ := set $credentials $credential $name }}
{{- with get $databases $m.database }}
{{- fail (printf "mongodb.services.%s and mongodb.services.%s name the same database %s: give each service its own" . $name $m.database) }}
{{- end }}
{{- $_ := set $databases $m.database $name }}
{{- end }}
{{- end }}
{{- end }}
