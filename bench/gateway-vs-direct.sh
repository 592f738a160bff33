#!/usr/bin/env bash
# The gateway's cost, measured: the same read through the gateway (REST over HTTP/1.1 → gRPC →
# MongoDB) and as a direct gRPC call, in one run, on a platform started for the occasion (real
# Keycloak for the token). One load generator for both paths, h2load (Debian: nghttp2-client), so
# that neither path pays for a heavier client; both are warmed up first (the JIT needs a minute on
# two cores), then measured in alternating rounds so that drift of the machine shows. Besides
# throughput and latency, it reports the CPU time each process spends per request.
# Usage: bench/gateway-vs-direct.sh [seconds=20] [connections=16] [warm-up seconds=60] [rounds=3]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
SECONDS_PER_ROUND=${1:-20} CONNECTIONS=${2:-16} WARM_UP=${3:-60} ROUNDS=${4:-3}
if ! command -v h2load > /dev/null; then
  echo "gateway-vs-direct.sh: needs h2load (apt-get install nghttp2-client)" >&2
  exit 1
fi
. bench/platform.sh gateway-vs-direct.sh
TOKEN=$(./bilan token consultant)
ID=$(curl -s -X POST "$GATEWAY/api/v1/beneficiaries" \
  -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"centreId":"centre-lyon","givenName":"Élodie","familyName":"Durand","email":"elodie.durand@example.fr","employmentStatus":"PRIVATE_SECTOR_EMPLOYEE"}' \
  | sed -E 's/.*"id":"([^"]+)".*/\1/')
# GetBeneficiaryRequest{id} as one gRPC message: no compression, 4-byte length, field 1 (tag 0x0a)
BODY=$BILAN_HOME/get-beneficiary.grpc
printf "\\x00\\x00\\x00\\x00\\x$(printf %02x $((${#ID} + 2)))\\x0a\\x$(printf %02x ${#ID})%s" "$ID" > "$BODY"

pid_of() { pgrep -f "jars/$1.jar" | head -1; }
GATEWAY_PID=$(pid_of gateway) SERVICE_PID=$(pid_of beneficiary-service)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
TICK=$(getconf CLK_TCK)

# load <path> <seconds> <per-request log>: closed loop, one request at a time per connection
load() {
  local common=(-D "$2" -c "$CONNECTIONS" -m 1 -H "authorization: Bearer $TOKEN" --log-file="$3")
  if [ "$1" = direct ]; then
    h2load "${common[@]}" -d "$BODY" -H 'content-type: application/grpc' -H 'te: trailers' \
      "http://$GRPC/bilan.beneficiary.v1.BeneficiaryService/GetBeneficiary"
  else
    h2load "${common[@]}" --h1 "$GATEWAY/api/v1/beneficiaries/$ID"
  fi
}

# a gRPC failure is an HTTP 200 too: the direct call must carry the beneficiary back
check=$(h2load -n 1 -c 1 -d "$BODY" -H 'content-type: application/grpc' -H 'te: trailers' \
  -H "authorization: Bearer $TOKEN" "http://$GRPC/bilan.beneficiary.v1.BeneficiaryService/GetBeneficiary")
if [ "$(sed -nE 's/.*\(([0-9]+)\) data.*/\1/p' <<< "$check")" -lt 50 ]; then
  echo "gateway-vs-direct.sh: the direct call returned no beneficiary" >&2
  exit 1
fi

for path in gateway direct; do
  load "$path" "$WARM_UP" /dev/null > /dev/null
done
RESULTS=$BILAN_HOME/results.tsv
for round in $(seq 1 "$ROUNDS"); do
  for path in direct gateway; do
    log=$BILAN_HOME/$path-$round.log
    g0=$(cpu_ticks "$GATEWAY_PID") s0=$(cpu_ticks "$SERVICE_PID")
    out=$(load "$path" "$SECONDS_PER_ROUND" "$log")
    g1=$(cpu_ticks "$GATEWAY_PID") s1=$(cpu_ticks "$SERVICE_PID")
    rps=$(sed -nE 's/.*finished in .*, ([0-9.]+) req\/s.*/\1/p' <<< "$out")
    failed=$(sed -nE 's/.* ([0-9]+) failed, ([0-9]+) errored, ([0-9]+) timeout.*/\1+\2+\3/p' <<< "$out")
    non200=$(awk -F'\t' '$2 != 200' "$log" | wc -l)
    count=$(wc -l < "$log")
    read -r p50 p99 < <(cut -f3 "$log" | sort -n | awk '{v[NR] = $1} END {
      printf "%.2f %.2f\n", v[int(NR * 0.50) + 1] / 1000, v[int(NR * 0.99) + 1] / 1000 }')
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$path" "$round" "$rps" "$p50" "$p99" "$((failed + non200))" \
      "$(awk -v t=$((g1 - g0)) -v n="$count" -v k="$TICK" 'BEGIN {printf "%.3f", t / k * 1000 / n}')" \
      "$(awk -v t=$((s1 - s0)) -v n="$count" -v k="$TICK" 'BEGIN {printf "%.3f", t / k * 1000 / n}')" >> "$RESULTS"
  done
done

printf '\n%d connections, %d s per round after %d s of warm-up, GET /api/v1/beneficiaries/{id} vs GetBeneficiary\n\n' \
  "$CONNECTIONS" "$SECONDS_PER_ROUND" "$WARM_UP"
echo "| path | round | requests/s | p50 (ms) | p99 (ms) | errors | gateway CPU ms/request | service CPU ms/request |"
echo "|---|---|---|---|---|---|---|---|"
awk -F'\t' '{printf "| %s | %s | %.0f | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8}' "$RESULTS"
# medians over the rounds, so one disturbed round does not decide
awk -F'\t' -v rounds="$ROUNDS" '
  function median(a, n,   i, j, t) {
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return a[int((n + 1) / 2)]
  }
  $1 == "direct" { dr[++d] = $3; d50[d] = $4; d99[d] = $5 }
  $1 == "gateway" { gr[++g] = $3; g50[g] = $4; g99[g] = $5 }
  END {
    printf "\nMedian of %d rounds: the gateway keeps %.0f %% of direct throughput; adds %.2f ms at p50 and %.2f ms at p99.\n",
      rounds, 100 * median(gr, g) / median(dr, d), median(g50, g) - median(d50, d), median(g99, g) - median(d99, d)
  }' "$RESULTS"
