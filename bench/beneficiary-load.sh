#!/usr/bin/env bash
# Creates and lists of beneficiaries, through the gateway (REST/JSON over HTTP/1.1 → gRPC) and
# straight over gRPC, on a platform started for the occasion. Creates: each request registers a new
# beneficiary. Lists: the filtered, paginated list (one centre, one employment status, a name
# prefix, 50 per page, following the page tokens) once the centre holds over 100,000
# beneficiaries. Both paths are warmed up, then measured in alternating rounds, with medians, so
# that drift of the machine shows. The reads (GET by id) are measured by gateway-vs-direct.sh.
# Lists run with their own number of threads (default 1): the p99 of one list request, not of a
# queue of them.
# Usage: bench/beneficiary-load.sh [seconds=20] [threads=16] [rounds=3] [beneficiaries=100000] [list-threads=1]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
SECONDS_PER_ROUND=${1:-20} THREADS=${2:-16} ROUNDS=${3:-3} BENEFICIARIES=${4:-100000} LIST_THREADS=${5:-1}
. bench/platform.sh beneficiary-load.sh
JAR=$(ls bench/target/bench-*-exec.jar)
RESULTS=$BILAN_HOME/results.tsv

# load <scenario> <path|count> <seconds|threads> [threads]: a fresh token each time (they live 15 min)
load() {
  BENCH_TOKEN=$(./bilan token consultant) BENCH_GRPC=$GRPC BENCH_GATEWAY=$GATEWAY java -jar "$JAR" "$@"
}
# rounds <scenario> <threads>
rounds() {
  for path in grpc gateway; do
    load "$1" "$path" "$SECONDS_PER_ROUND" "$2" > /dev/null
  done
  for round in $(seq 1 "$ROUNDS"); do
    for path in grpc gateway; do
      load "$1" "$path" "$SECONDS_PER_ROUND" "$2" | tee -a "$RESULTS"
    done
  done
}

rounds create "$THREADS"
load seed "$BENEFICIARIES" "$THREADS" | tee -a "$RESULTS"
rounds list "$LIST_THREADS"

printf '\n%d threads for creates, %d for lists, %d s per round after a round of warm-up per path; lists over %d seeded beneficiaries plus those the create rounds made\n\n' \
  "$THREADS" "$LIST_THREADS" "$SECONDS_PER_ROUND" "$BENEFICIARIES"
echo "| scenario | path | requests | errors | seconds | requests/s | p50 (ms) | p99 (ms) | p99.9 (ms) |"
echo "|---|---|---|---|---|---|---|---|---|"
awk -F'\t' '{printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9}' "$RESULTS"
awk -F'\t' '
  function median(a, n,   i, j, t) {
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return a[int((n + 1) / 2)]
  }
  $1 != "seed" { k = $1 "/" $2; n[k]++; rps[k, n[k]] = $6; p99[k, n[k]] = $8 }
  END {
    print ""
    for (k in n) {
      for (i = 1; i <= n[k]; i++) { r[i] = rps[k, i]; q[i] = p99[k, i] }
      printf "median %s: %.0f requests/s, p99 %.2f ms\n", k, median(r, n[k]), median(q, n[k])
    }
  }' "$RESULTS" | sort
