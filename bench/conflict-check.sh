#!/usr/bin/env bash
# The booking guard's conflict check with a million sessions stored, measured with JMH in one run (no
# platform needed): Reservations.reserve against the embedded MongoDB stand-in (mongo-java-server,
# memory backend) seeded with 2,000 consultants × 500 sessions, a refused reserve over a held slot
# and a reserve on a free slot then its release, each on a random consultant, and the same two calls
# against a store of a single consultant as the baselines. Sample time, so that each line gives p50
# and p99; the seeding time of each store follows. The benchmarks build through the jmh profile of
# session-service (own source root and build folder: the default build never sees them).
# Modest settings by default: about three minutes on two cores, the million seeded once per fork.
# Usage: bench/conflict-check.sh [forks=1] [warm-up iterations=3] [iterations=5] [seconds per iteration=3]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
FORKS=${1:-1} WARM_UPS=${2:-3} ITERATIONS=${3:-5} SECONDS_PER_ITERATION=${4:-3}
OUT=session-service/target/jmh

./mvnw -q -B -Pjmh -pl session-service -am -DskipTests process-classes
COMMAND=(java -cp "$OUT/classes:$(cat "$OUT/jmh.classpath")" org.openjdk.jmh.Main
  'fr.bilan.session.booking.ConflictCheckBenchmark'
  -f "$FORKS" -wi "$WARM_UPS" -w "${SECONDS_PER_ITERATION}s" -i "$ITERATIONS" -r "${SECONDS_PER_ITERATION}s" -t 1
  -rf csv -rff "$OUT/conflict-check.csv")
echo "conflict-check.sh: JMH -f $FORKS -wi $WARM_UPS -w ${SECONDS_PER_ITERATION}s -i $ITERATIONS" \
  "-r ${SECONDS_PER_ITERATION}s -t 1 (full output: $OUT/conflict-check.log)…" >&2
if ! "${COMMAND[@]}" > "$OUT/conflict-check.log" 2>&1; then
  tail -n 40 "$OUT/conflict-check.log" >&2
  echo "conflict-check.sh: JMH failed (output above)" >&2
  exit 1
fi

echo "load average after the run: $(cut -d ' ' -f 1-3 /proc/loadavg) ($(nproc) cores)"
# one line per benchmark from the CSV rows "package.Class.name" and "package.Class.name:p0.50"…
awk -F, '
  { gsub(/"/, ""); split($1, key, ":"); name = key[1]; sub(/.*\./, "", name) }
  key[2] == "" { order[++n] = name; samples[name] = $4; mean[name] = $5 }
  key[2] == "p0.50" { p50[name] = $5 }
  key[2] == "p0.99" { p99[name] = $5 }
  END {
    printf "%-32s %9s %10s %10s %10s\n", "benchmark (µs)", "samples", "p50", "p99", "mean"
    for (i = 1; i <= n; i++) {
      printf "%-32s %9d %10.1f %10.1f %10.1f\n", order[i], samples[order[i]], p50[order[i]], p99[order[i]],
        mean[order[i]]
    }
  }' <(tail -n +2 "$OUT/conflict-check.csv")
# each fork seeds its store: the seeding time, by benchmark
awk '/^# Benchmark: / { sub(/.*\./, ""); name = $0 } /^seeded / { print name ": " $0 }' "$OUT/conflict-check.log"
