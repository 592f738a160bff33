#!/usr/bin/env bash
# What recording an access costs a call since every service hands its records to beneficiary-service's
# register: AccessLog.record as the register writes it (the record alone: the baseline) and as the
# other services write it (the record with its delivery marker), both on the embedded MongoDB
# stand-in in one run, with JMH (no platform needed). Sample time: p50 and p99 per benchmark. Built
# through session-service's jmh profile (own source root and build folder).
# Usage: bench/access-log.sh [forks=1] [warm-up iterations=3] [iterations=5] [seconds per iteration=3]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=bench/jmh.sh
source bench/jmh.sh
FORKS=${1:-1} WARM_UPS=${2:-3} ITERATIONS=${3:-5} SECONDS_PER_ITERATION=${4:-3}
run_jmh session-service access-log 'fr.bilan.support.audit.AccessLogBenchmark' "$FORKS" "$WARM_UPS" "$ITERATIONS" "$SECONDS_PER_ITERATION"
