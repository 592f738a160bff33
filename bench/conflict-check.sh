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
# shellcheck source=bench/jmh.sh
source bench/jmh.sh
FORKS=${1:-1} WARM_UPS=${2:-3} ITERATIONS=${3:-5} SECONDS_PER_ITERATION=${4:-3}
run_jmh session-service conflict-check 'fr.bilan.session.booking.ConflictCheckBenchmark' "$FORKS" "$WARM_UPS" "$ITERATIONS" "$SECONDS_PER_ITERATION"
# each fork seeds its store: the seeding time, by benchmark
awk '/^# Benchmark: / { sub(/.*\./, ""); name = $0 } /^seeded / { print name ": " $0 }' \
  session-service/target/jmh/conflict-check.log
