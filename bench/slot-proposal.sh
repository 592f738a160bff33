#!/usr/bin/env bash
# The slot finder's speed, measured with JMH in one run (no platform needed): the next five free
# slots for a 2-hour session against a consultant's year of sessions (five a day, five days a week,
# 52 weeks), a whole-bilan plan (8 sessions) against the same year, the same proposal against an
# empty calendar as the baseline, and a year so full that the whole 12-week horizon is searched in
# vain. Sample time, so that each line gives p50 and p99. The benchmarks build through the jmh
# profile of session-service (own source root and build folder: the default build never sees them).
# Modest settings by default: a few minutes on two cores.
# Usage: bench/slot-proposal.sh [forks=1] [warm-up iterations=3] [iterations=5] [seconds per iteration=2]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
FORKS=${1:-1} WARM_UPS=${2:-3} ITERATIONS=${3:-5} SECONDS_PER_ITERATION=${4:-2}
OUT=session-service/target/jmh

./mvnw -q -B -Pjmh -pl session-service -am -DskipTests process-classes
COMMAND=(java -cp "$OUT/classes:$(cat "$OUT/jmh.classpath")" org.openjdk.jmh.Main 'fr.bilan.session.calendar.*'
  -f "$FORKS" -wi "$WARM_UPS" -w "${SECONDS_PER_ITERATION}s" -i "$ITERATIONS" -r "${SECONDS_PER_ITERATION}s" -t 1
  -rf csv -rff "$OUT/results.csv")
echo "slot-proposal.sh: JMH -f $FORKS -wi $WARM_UPS -w ${SECONDS_PER_ITERATION}s -i $ITERATIONS" \
  "-r ${SECONDS_PER_ITERATION}s -t 1 (full output: $OUT/jmh.log)…" >&2
if ! "${COMMAND[@]}" > "$OUT/jmh.log" 2>&1; then
  tail -n 40 "$OUT/jmh.log" >&2
  echo "slot-proposal.sh: JMH failed (output above)" >&2
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
    printf "%-28s %9s %10s %10s %10s\n", "benchmark (µs)", "samples", "p50", "p99", "mean"
    for (i = 1; i <= n; i++) {
      printf "%-28s %9d %10.1f %10.1f %10.1f\n", order[i], samples[order[i]], p50[order[i]], p99[order[i]],
        mean[order[i]]
    }
  }' <(tail -n +2 "$OUT/results.csv")
