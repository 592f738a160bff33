#!/usr/bin/env bash
# A year's results (Qualiopi's indicator 2) of a network of 300 centres and 1,000,000 bilans with their
# surveys and follow-ups, through quality-service's ResultsOperations (CohortRepository's three aggregations,
# then the figures and their rule) and, in the same run on the same data, the same three pipelines issued
# bare with the MongoDB driver (QualityResultsBenchmark; no platform needed):
#   resultsNetwork / bareNetwork  the whole network's 2026
#   resultsCentre / bareCentre    one centre's 2026 (the next centre each call)
# The documents are written in the shared shapes (bilanRecords, surveys, followUps) in bulk to the embedded
# MongoDB (mongo-java-server, memory backend, as the service starts it with no URI), once per fork, not
# measured (its time, sizes and heap are printed). The stand-in keeps no secondary index: every match reads
# its whole collection. Sample time: p50 and p99 in ms, and the service's against the bare driver's.
# The forked JVM takes 12 GB of heap for 1,000,000 bilans (about 3.2 million documents).
# The benchmarks build through the jmh profile of quality-service.
# Usage: [JAVA=path/to/java] bench/quality-results.sh [forks=1] [warm-up iterations=1] [iterations=2] [seconds per iteration=60] [bilans=1000000] [centres=300]
# e.g. bench/quality-results.sh 1 1 3 60 100000
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=bench/jmh.sh
source bench/jmh.sh
FORKS=${1:-1} WARM_UPS=${2:-1} ITERATIONS=${3:-2} SECONDS_PER_ITERATION=${4:-60} BILANS=${5:-1000000} CENTRES=${6:-300}
NAME=quality-results
OUT=quality-service/target/jmh
# a call over a million bilans takes seconds in the stand-in: JMH's timeout past an iteration's length
run_jmh quality-service "$NAME" 'fr.bilan.quality.results.QualityResultsBenchmark' \
  "$FORKS" "$WARM_UPS" "$ITERATIONS" "$SECONDS_PER_ITERATION" -p "bilans=$BILANS" -p "centres=$CENTRES" -to 30m
awk '/^# Benchmark: / { sub(/.*\./, ""); name = $0 } /^seeded / { print name ": " $0 }' "$OUT/$NAME.log"
# the service's time against the bare driver's, network and centre
ratios quality-service "$NAME" results bare Network Centre
