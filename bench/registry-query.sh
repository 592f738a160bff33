#!/usr/bin/env bash
# The purge's search among a million registry entries, measured with JMH in one run (no platform
# needed): the entries in the embedded MongoDB (mongo-java-server, memory store, as the service starts
# it with no URI configured), 1 % due, the rest destroyed, due in one to three years or awaiting their
# action's end, inserted once per fork (insertMany of 10,000, not measured; its time is printed).
#   dueSearch  Registry.dueAfter pages of 1,000 followed to the empty page, as a purge run walks them
#   countDue   Registry.countDue, the count behind the due metric
# Single-shot time, ms per search; the fork runs with -Xmx8g (RegistryQueryBenchmark). The benchmarks
# build through the jmh profile of retention-service (own source root and build folder).
# Usage: [JAVA=path/to/java] bench/registry-query.sh [forks=1] [warm-up iterations=1] [iterations=2] [entries=1000000]
# e.g. bench/registry-query.sh 1 1 2 1000000
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=bench/jmh.sh
source bench/jmh.sh
FORKS=${1:-1} WARM_UPS=${2:-1} ITERATIONS=${3:-2} ENTRIES=${4:-1000000}
NAME=registry-query
OUT=retention-service/target/jmh
measure_jmh retention-service "$NAME" 'fr.bilan.retention.purge.RegistryQueryBenchmark' \
  "$FORKS" "$WARM_UPS" "$ITERATIONS" 1 -p "entries=$ENTRIES"
awk '/^# Benchmark: / { sub(/.*\./, ""); name = $0 } /^seeded / { print name ": " $0 }' "$OUT/$NAME.log"
# CSV rows: "package.Class.name","ss",threads,samples,mean (ms),error,unit,entries
awk -F, '
  { gsub(/"/, ""); name = $1; sub(/.*\./, "", name)
    printf "%-10s %9d entries %3d samples  mean %10.1f ms\n", name, $NF, $4, $5 }' <(tail -n +2 "$OUT/$NAME.csv")
