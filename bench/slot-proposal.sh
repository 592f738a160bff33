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
# shellcheck source=bench/jmh.sh
source bench/jmh.sh
FORKS=${1:-1} WARM_UPS=${2:-3} ITERATIONS=${3:-5} SECONDS_PER_ITERATION=${4:-2}
run_jmh session-service slot-proposal 'fr.bilan.session.calendar.*' "$FORKS" "$WARM_UPS" "$ITERATIONS" "$SECONDS_PER_ITERATION"
