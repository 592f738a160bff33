#!/usr/bin/env bash
# Converges Keycloak's realm on the realm file and on this deployment's values, idempotently: run by
# the chart's hook Job at every install and upgrade, and by ./bilan up at every start, so that a
# change of the realm file (a role, a client, a mapper) or of a value (front-end URLs, SMTP, token
# lifetimes) reaches an existing Keycloak, which imports a realm file only once.
#
# What it does, in order:
#  - realm absent: creates it from the realm file (as Keycloak's own import would);
#  - realm present: updates the realm's settings; creates the roles, groups, clients and users of the
#    file that are missing (partial import, existing ones skipped: no id changes, no secret
#    regenerated, no user overwritten); updates every client of the file by clientId (its secret
#    left untouched) and its protocol mappers by name.
# It never deletes anything and never changes a user that exists (password, roles, groups).
#
# Needs bash, and Keycloak's kcadm.sh (in Keycloak's image and distribution) or curl. JSON is handled
# here without jq, which Keycloak's image lacks: the realm file is valid JSON and only its top-level
# structure is taken apart.
#
# Usage: apply-realm.sh [--print]   (--print: only print the realm wanted, as JSON; no Keycloak needed)
# Environment (only KEYCLOAK_URL, KEYCLOAK_ADMIN_PASSWORD and BILAN_REALM_FILE are required):
#   KEYCLOAK_URL                 Keycloak's base URL, e.g. http://keycloak.keycloak:8080
#   KEYCLOAK_ADMIN_USER          admin user of KEYCLOAK_ADMIN_REALM (default admin)
#   KEYCLOAK_ADMIN_PASSWORD      its password
#   KEYCLOAK_ADMIN_REALM         realm the admin user belongs to (default master)
#   BILAN_REALM_FILE             the realm file (helm/bilan/files/keycloak/bilan-realm.json)
#   BILAN_REALM_HTTP             kcadm (default when kcadm.sh is found) or curl
#   KCADM                        path of kcadm.sh (default: on PATH, else /opt/keycloak/bin/kcadm.sh)
#   BILAN_REALM_DEMO_USERS       true: also the file's demo users and the demo client bilan-cli
#   BILAN_REALM_WEB_URLS         the consultants' front-end URLs (origins, blank- or comma-separated):
#                                client bilan-web's redirect URIs (<url>/*), post-logout redirect URIs
#                                and web origins; empty: those of the file
#   BILAN_REALM_API_DOCS_URL     the gateway's public URL: client bilan-api-docs (when in the file)
#                                redirects to <url>/api/docs/oauth2-redirect.html, origin <url>
#   BILAN_REALM_ACCESS_TOKEN_LIFESPAN, BILAN_REALM_SSO_SESSION_IDLE_TIMEOUT,
#   BILAN_REALM_SSO_SESSION_MAX_LIFESPAN   seconds; empty: those of the file (else Keycloak's)
#   BILAN_REALM_SMTP_HOST        mail server for the password-reset e-mail; empty: no SMTP, and
#                                « Mot de passe oublié ? » hidden (resetPasswordAllowed false)
#   BILAN_REALM_SMTP_PORT, _FROM, _FROM_DISPLAY_NAME, _STARTTLS, _SSL, _USER, _PASSWORD
#   any ${NAME} the realm file holds (the clients' secrets): used only when creating that client
set -euo pipefail

die() { printf 'apply-realm: %s\n' "$*" >&2; exit 1; }
log() { printf 'apply-realm: %s\n' "$*"; }

KEYCLOAK_URL=${KEYCLOAK_URL:-}
KEYCLOAK_URL=${KEYCLOAK_URL%/}
ADMIN_USER=${KEYCLOAK_ADMIN_USER:-admin}
ADMIN_REALM=${KEYCLOAK_ADMIN_REALM:-master}
REALM_FILE=${BILAN_REALM_FILE:-}
[ -f "$REALM_FILE" ] || die "BILAN_REALM_FILE (the realm file) not found: '$REALM_FILE'"
DEMO_USERS=${BILAN_REALM_DEMO_USERS:-false}
# clients only a demo installation has
DEMO_CLIENTS=" bilan-cli "

# --- JSON, without jq ----------------------------------------------------------------------------
# The top-level parts of a JSON object or array (its members "key": value, or its elements), raw,
# into PARTS. Strings (and their escapes) are skipped over, so brackets or commas in them do not count.
json_parts() {
  local LC_ALL=C text=$1 i n c depth=0 quoted=0 start=1 part
  PARTS=()
  text=${text#"${text%%[![:space:]]*}"}
  text=${text%"${text##*[![:space:]]}"}
  n=${#text}
  for ((i = 1; i < n - 1; i++)); do
    c=${text:i:1}
    if [ $quoted = 1 ]; then
      case $c in
        \\) i=$((i + 1)) ;;
        \") quoted=0 ;;
      esac
    else
      case $c in
        \") quoted=1 ;;
        [\{\[]) depth=$((depth + 1)) ;;
        [\}\]]) depth=$((depth - 1)) ;;
        ,) if [ $depth = 0 ]; then PARTS+=("${text:start:i-start}"); start=$((i + 1)); fi ;;
      esac
    fi
  done
  part=${text:start:n-1-start}
  [[ $part =~ [^[:space:]] ]] && PARTS+=("$part")
  return 0
}
# A member "key": value into KEY and VALUE (trimmed).
json_member() {
  [[ $1 =~ ^[[:space:]]*\"([^\"]*)\"[[:space:]]*:[[:space:]]*(.*[^[:space:]])[[:space:]]*$ ]] \
    || die "not a JSON member: ${1:0:80}"
  KEY=${BASH_REMATCH[1]} VALUE=${BASH_REMATCH[2]}
}
# The raw value of a top-level member of an object; status 1 when absent.
json_get() {
  local part
  json_parts "$1"
  for part in "${PARTS[@]+"${PARTS[@]}"}"; do
    json_member "$part"
    if [ "$KEY" = "$2" ]; then printf '%s' "$VALUE"; return 0; fi
  done
  return 1
}
# The object with member $2 set to the raw JSON $3 (added at the end when absent), or removed when
# $3 is empty.
json_set() {
  local part out="" sep="" found=0
  json_parts "$1"
  for part in "${PARTS[@]+"${PARTS[@]}"}"; do
    json_member "$part"
    if [ "$KEY" = "$2" ]; then
      found=1
      [ -n "$3" ] || continue
      part="\"$KEY\": $3"
    fi
    out+="$sep$part"; sep=","
  done
  if [ $found = 0 ] && [ -n "$3" ]; then out+="$sep\"$2\": $3"; fi
  printf '{%s}' "$out"
}
# A JSON string's text (the realm file's names and ids hold no escapes but \" and \\).
json_text() {
  local value=${1#\"}
  value=${value%\"}
  value=${value//\\\"/\"}
  printf '%s' "${value//\\\\/\\}"
}
# A text as a JSON string.
json_quote() {
  local s=$1
  s=${s//\\/\\\\}; s=${s//\"/\\\"}; s=${s//$'\n'/\\n}; s=${s//$'\r'/\\r}; s=${s//$'\t'/\\t}
  printf '"%s"' "$s"
}
# Blank- or comma-separated words as a JSON array of strings, each with prefix $2 and suffix $3.
json_list() {
  local word out="" sep=""
  for word in ${1//,/ }; do out+="$sep$(json_quote "${2:-}$word${3:-}")"; sep=", "; done
  printf '[%s]' "$out"
}

# --- values --------------------------------------------------------------------------------------
seconds() {  # seconds <variable>: its value, checked to be a positive number of seconds, or nothing
  local value=${!1:-}
  [ -z "$value" ] || [[ $value =~ ^[1-9][0-9]{0,8}$ ]] || die "$1=$value is not a number of seconds"
  printf '%s' "$value"
}
boolean() {  # boolean <variable> <default>
  local value=${!1:-$2}
  [[ $value == true || $value == false ]] || die "$1=$value is neither true nor false"
  printf '%s' "$value"
}
urls() {  # urls <variable>: checked origins (scheme://host[:port], no path), blank-separated
  local url out="" value=${!1:-}
  for url in ${value//,/ }; do
    url=${url%/}
    [[ $url =~ ^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?$ ]] \
      || die "$1: '$url' is not an origin such as https://consultants.example.fr or http://localhost:3000"
    out+="$url "
  done
  printf '%s' "${out% }"
}
WEB_URLS=$(urls BILAN_REALM_WEB_URLS)
API_DOCS_URL=$(urls BILAN_REALM_API_DOCS_URL)
[[ $API_DOCS_URL != *" "* ]] || die "BILAN_REALM_API_DOCS_URL: one URL only"
ACCESS_TOKEN_LIFESPAN=$(seconds BILAN_REALM_ACCESS_TOKEN_LIFESPAN)
SSO_SESSION_IDLE_TIMEOUT=$(seconds BILAN_REALM_SSO_SESSION_IDLE_TIMEOUT)
SSO_SESSION_MAX_LIFESPAN=$(seconds BILAN_REALM_SSO_SESSION_MAX_LIFESPAN)
DEMO_USERS=$(boolean BILAN_REALM_DEMO_USERS false)
SMTP_HOST=${BILAN_REALM_SMTP_HOST:-}
if [ -n "$SMTP_HOST" ]; then
  [[ $SMTP_HOST =~ ^[A-Za-z0-9.-]+$ ]] || die "BILAN_REALM_SMTP_HOST=$SMTP_HOST is not a host name"
  SMTP_PORT=${BILAN_REALM_SMTP_PORT:-25}
  [[ $SMTP_PORT =~ ^[0-9]{1,5}$ ]] || die "BILAN_REALM_SMTP_PORT=$SMTP_PORT is not a port"
  [ -n "${BILAN_REALM_SMTP_FROM:-}" ] || die "BILAN_REALM_SMTP_FROM (the sender address) is required with an SMTP host"
  SMTP_STARTTLS=$(boolean BILAN_REALM_SMTP_STARTTLS false)
  SMTP_SSL=$(boolean BILAN_REALM_SMTP_SSL false)
fi

# --- the realm wanted ----------------------------------------------------------------------------
# ${NAME} placeholders, as Keycloak's import resolves them from its environment
resolve_placeholders() {
  local text=$1 out="" name
  while [[ $text == *'${'* ]]; do
    out+=${text%%'${'*}
    text=${text#*'${'}
    [[ $text =~ ^([A-Za-z_][A-Za-z0-9_]*)\} ]] || die "the realm file has a malformed placeholder near \${${text:0:30}"
    name=${BASH_REMATCH[1]}
    [ -n "${!name:-}" ] || die "the realm file needs \${$name}: set $name (e.g. a client's secret)"
    local value; value=$(json_quote "${!name}")
    out+=${value:1:${#value}-2}
    text=${text#"$name"\}}
  done
  printf '%s' "$out$text"
}

REALM_JSON=$(resolve_placeholders "$(< "$REALM_FILE")")
REALM=$(json_text "$(json_get "$REALM_JSON" realm || true)")
[ -n "$REALM" ] || die "the realm file names no realm"

# The realm's own settings: the file's top-level members but its collections, with the values' token
# lifetimes and mail server
SETTINGS=$REALM_JSON
for collection in roles clients users groups clientScopes scopeMappings clientScopeMappings \
  identityProviders identityProviderMappers components authenticationFlows authenticatorConfig \
  requiredActions organizations; do
  SETTINGS=$(json_set "$SETTINGS" "$collection" "")
done
[ -z "$ACCESS_TOKEN_LIFESPAN" ] || SETTINGS=$(json_set "$SETTINGS" accessTokenLifespan "$ACCESS_TOKEN_LIFESPAN")
[ -z "$SSO_SESSION_IDLE_TIMEOUT" ] || SETTINGS=$(json_set "$SETTINGS" ssoSessionIdleTimeout "$SSO_SESSION_IDLE_TIMEOUT")
[ -z "$SSO_SESSION_MAX_LIFESPAN" ] || SETTINGS=$(json_set "$SETTINGS" ssoSessionMaxLifespan "$SSO_SESSION_MAX_LIFESPAN")
# the password-reset link only where a mail server can send the e-mail
if [ -n "$SMTP_HOST" ]; then
  smtp="\"host\": $(json_quote "$SMTP_HOST"), \"port\": $(json_quote "$SMTP_PORT"),"
  smtp+=" \"from\": $(json_quote "$BILAN_REALM_SMTP_FROM"), \"fromDisplayName\": $(json_quote "${BILAN_REALM_SMTP_FROM_DISPLAY_NAME:-}"),"
  smtp+=" \"starttls\": \"$SMTP_STARTTLS\", \"ssl\": \"$SMTP_SSL\""
  if [ -n "${BILAN_REALM_SMTP_USER:-}" ]; then
    smtp+=", \"auth\": \"true\", \"user\": $(json_quote "$BILAN_REALM_SMTP_USER"), \"password\": $(json_quote "${BILAN_REALM_SMTP_PASSWORD:-}")"
  else
    smtp+=", \"auth\": \"false\""
  fi
  SETTINGS=$(json_set "$SETTINGS" smtpServer "{$smtp}")
  SETTINGS=$(json_set "$SETTINGS" resetPasswordAllowed true)
else
  SETTINGS=$(json_set "$SETTINGS" smtpServer "{}")
  SETTINGS=$(json_set "$SETTINGS" resetPasswordAllowed false)
fi

# The clients wanted: demo clients only with the demo users; front-end URLs from the values.
CLIENTS=()
clients_json=$(json_get "$REALM_JSON" clients) || clients_json="[]"
json_parts "$clients_json"
for client in "${PARTS[@]+"${PARTS[@]}"}"; do
  client_id=$(json_text "$(json_get "$client" clientId || true)")
  [ -n "$client_id" ] || die "a client of the realm file has no clientId"
  if [ "$DEMO_USERS" = false ] && [[ $DEMO_CLIENTS == *" $client_id "* ]]; then continue; fi
  attributes=$(json_get "$client" attributes) || attributes="{}"
  if [ "$client_id" = bilan-web ] && [ -n "$WEB_URLS" ]; then
    client=$(json_set "$client" redirectUris "$(json_list "$WEB_URLS" "" "/*")")
    client=$(json_set "$client" webOrigins "$(json_list "$WEB_URLS")")
    logout=""
    for url in $WEB_URLS; do logout+="${logout:+##}$url/*"; done
    client=$(json_set "$client" attributes "$(json_set "$attributes" post.logout.redirect.uris "$(json_quote "$logout")")")
  elif [ "$client_id" = bilan-api-docs ] && [ -n "$API_DOCS_URL" ]; then
    client=$(json_set "$client" redirectUris "$(json_list "$API_DOCS_URL" "" "/api/docs/oauth2-redirect.html")")
    client=$(json_set "$client" webOrigins "$(json_list "$API_DOCS_URL")")
  fi
  CLIENTS+=("$client")
done

# The users wanted: the clients' service accounts (their roles), and the demo users if asked for.
USERS=()
users_json=$(json_get "$REALM_JSON" users) || users_json="[]"
json_parts "$users_json"
for user in "${PARTS[@]+"${PARTS[@]}"}"; do
  if json_get "$user" serviceAccountClientId > /dev/null || [ "$DEMO_USERS" = true ]; then USERS+=("$user"); fi
done

join() { local IFS=,; printf '%s' "$*"; }
WANTED=$(json_set "$SETTINGS" clients "[$(join "${CLIENTS[@]+"${CLIENTS[@]}"}")]")
WANTED=$(json_set "$WANTED" users "[$(join "${USERS[@]+"${USERS[@]}"}")]")
for collection in roles groups; do
  if value=$(json_get "$REALM_JSON" $collection); then WANTED=$(json_set "$WANTED" $collection "$value"); fi
done

# --print: the realm this run would create, and nothing else (the chart's tests read it)
if [ "${1:-}" = --print ]; then printf '%s\n' "$WANTED"; exit 0; fi

# --- Keycloak's admin API ------------------------------------------------------------------------
[ -n "$KEYCLOAK_URL" ] || die "KEYCLOAK_URL is required (Keycloak's base URL)"
[ -n "${KEYCLOAK_ADMIN_PASSWORD:-}" ] || die "KEYCLOAK_ADMIN_PASSWORD is required"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/apply-realm.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
KCADM=${KCADM:-$(command -v kcadm.sh || echo /opt/keycloak/bin/kcadm.sh)}
HTTP=${BILAN_REALM_HTTP:-}
if [ -z "$HTTP" ]; then if [ -x "$KCADM" ]; then HTTP=kcadm; else HTTP=curl; fi; fi
case $HTTP in
  kcadm) [ -x "$KCADM" ] || die "kcadm.sh not found at $KCADM (set KCADM)" ;;
  curl) command -v curl > /dev/null || die "curl not found (or use kcadm: set KCADM)" ;;
  *) die "BILAN_REALM_HTTP=$HTTP: kcadm or curl" ;;
esac

login() {
  if [ "$HTTP" = kcadm ]; then
    KC_CLI_PASSWORD=$KEYCLOAK_ADMIN_PASSWORD "$KCADM" config credentials --config "$WORK/kcadm.config" \
      --server "$KEYCLOAK_URL" --realm "$ADMIN_REALM" --user "$ADMIN_USER" > "$WORK/out" 2>&1 \
      || die "cannot log in to $KEYCLOAK_URL as $ADMIN_USER: $(tail -n 1 "$WORK/out")"
  else
    local response
    # the password through stdin, out of every command line
    response=$(printf '%s' "$KEYCLOAK_ADMIN_PASSWORD" | curl -sS --max-time 30 --data-urlencode "username=$ADMIN_USER" \
      --data-urlencode "password@-" -d grant_type=password -d client_id=admin-cli \
      "$KEYCLOAK_URL/realms/$ADMIN_REALM/protocol/openid-connect/token" 2>&1) \
      || die "cannot reach $KEYCLOAK_URL: $response"
    [[ $response =~ \"access_token\":\"([^\"]+)\" ]] || die "cannot log in to $KEYCLOAK_URL as $ADMIN_USER: $response"
    printf 'Authorization: Bearer %s\n' "${BASH_REMATCH[1]}" > "$WORK/auth"
  fi
}
# api <GET|PUT|POST> <path under /admin/realms, e.g. bilan/clients> [body]: the answer on stdout;
# status 2 when the resource does not exist, 1 on any other failure (message on stderr)
api() {
  local method=$1 path=$2 body=${3:-} status
  [ -z "$body" ] || printf '%s' "$body" > "$WORK/body.json"
  if [ "$HTTP" = kcadm ]; then
    local command=(get)
    case $method in PUT) command=(update -f "$WORK/body.json") ;; POST) command=(create -f "$WORK/body.json" -o) ;; esac
    if "$KCADM" "${command[@]}" "realms${path:+/$path}" --config "$WORK/kcadm.config" > "$WORK/out" 2> "$WORK/err"; then
      cat "$WORK/out"; return 0
    fi
    grep -q 'Resource not found' "$WORK/err" && return 2
    printf '%s %s: %s\n' "$method" "$path" "$(cat "$WORK/err")" >&2; return 1
  fi
  local args=(-sS --max-time 60 -o "$WORK/out" -w '%{http_code}' -X "$method" -H @"$WORK/auth")
  [ -z "$body" ] || args+=(-H 'Content-Type: application/json' --data-binary @"$WORK/body.json")
  status=$(curl "${args[@]}" "$KEYCLOAK_URL/admin/realms${path:+/$path}") || { echo "$method $path: no answer" >&2; return 1; }
  case $status in
    2??) cat "$WORK/out" ;;
    404) return 2 ;;
    *) printf '%s %s: HTTP %s %s\n' "$method" "$path" "$status" "$(cat "$WORK/out")" >&2; return 1 ;;
  esac
}

# --- converge ------------------------------------------------------------------------------------
login
set +e
api GET "$REALM" > /dev/null
exists=$?
set -e
if [ $exists = 2 ]; then
  # a new realm: everything at once, as an import at Keycloak's first start would
  api POST "" "$WANTED" > /dev/null || die "could not create realm $REALM"
  log "realm $REALM created (${#CLIENTS[@]} clients, ${#USERS[@]} users)"
  exit 0
fi
[ $exists = 0 ] || die "could not read realm $REALM"

api PUT "$REALM" "$SETTINGS" > /dev/null || die "could not update the settings of realm $REALM"
log "realm $REALM: settings applied (SMTP ${SMTP_HOST:-none}, password reset $([ -n "$SMTP_HOST" ] && echo shown || echo hidden))"

# what is missing is created; nothing that exists is overwritten (ids, secrets, users kept). The
# partial import fails on a top-level group that exists, SKIP or not: only the missing ones are sent.
missing_groups=() status=0
json_parts "$(json_get "$WANTED" groups || echo "[]")"
for group in "${PARTS[@]+"${PARTS[@]}"}"; do
  name=$(json_text "$(json_get "$group" name)")
  api GET "$REALM/group-by-path/$name" > /dev/null || status=$?
  case $status in 0) ;; 2) missing_groups+=("$group") ;; *) die "could not read group $name" ;; esac
  status=0
done
partial=$(json_set "$WANTED" groups "[$(join "${missing_groups[@]+"${missing_groups[@]}"}")]")
partial=$(json_set "$partial" ifResourceExists '"SKIP"')
answer=$(api POST "$REALM/partialImport" "$partial") || die "could not create the missing roles, groups, clients and users"
added=$(grep -o '"added" *: *[0-9]*' <<< "$answer" | grep -o '[0-9]*$' || echo "?")
log "realm $REALM: missing roles, groups, clients and users created ($added added)"

# every client of the file, by clientId: its settings (not its secret) and its mappers (by name)
server_clients=$(api GET "$REALM/clients") || die "could not list the clients of realm $REALM"
json_parts "$server_clients"
declare -A CLIENT_ID_OF SERVER_CLIENT
for server_client in "${PARTS[@]+"${PARTS[@]}"}"; do
  client_id=$(json_text "$(json_get "$server_client" clientId)")
  CLIENT_ID_OF[$client_id]=$(json_text "$(json_get "$server_client" id)")
  SERVER_CLIENT[$client_id]=$server_client
done
for client in "${CLIENTS[@]+"${CLIENTS[@]}"}"; do
  client_id=$(json_text "$(json_get "$client" clientId)")
  id=${CLIENT_ID_OF[$client_id]:-}
  [ -n "$id" ] || die "client $client_id is still missing after the partial import"
  mappers=$(json_get "$client" protocolMappers) || mappers="[]"
  body=$client
  for member in id secret protocolMappers; do body=$(json_set "$body" $member ""); done
  api PUT "$REALM/clients/$id" "$body" > /dev/null || die "could not update client $client_id"
  declare -A MAPPER_ID=()
  server_mappers=$(json_get "${SERVER_CLIENT[$client_id]}" protocolMappers) || server_mappers="[]"
  json_parts "$server_mappers"
  for mapper in "${PARTS[@]+"${PARTS[@]}"}"; do
    MAPPER_ID[$(json_text "$(json_get "$mapper" name)")]=$(json_text "$(json_get "$mapper" id)")
  done
  json_parts "$mappers"
  wanted_mappers=("${PARTS[@]+"${PARTS[@]}"}")
  for mapper in "${wanted_mappers[@]+"${wanted_mappers[@]}"}"; do
    name=$(json_text "$(json_get "$mapper" name)")
    if [ -n "${MAPPER_ID[$name]:-}" ]; then
      api PUT "$REALM/clients/$id/protocol-mappers/models/${MAPPER_ID[$name]}" \
        "$(json_set "$mapper" id "\"${MAPPER_ID[$name]}\"")" > /dev/null || die "could not update mapper $name of client $client_id"
    else
      api POST "$REALM/clients/$id/protocol-mappers/models" "$mapper" > /dev/null || die "could not add mapper $name to client $client_id"
    fi
  done
  unset MAPPER_ID
  log "realm $REALM: client $client_id applied (${#wanted_mappers[@]} mappers)"
done
log "realm $REALM is up to date"
