#!/usr/bin/env bash
# A centre's "to do next" list and the network's overdue count over 100,000 CPF dossiers in 300
# centres, through beneficiary-service's CpfDossierRepository and, in the same run on the same data,
# the same queries issued bare with the MongoDB driver (CpfDossierQueryBenchmark; no platform needed):
#   repositoryToDoNext / driverToDoNext          a centre's open dossiers by next deadline, first page of 50
#   repositoryOverdueCount / driverOverdueCount  the network's open dossiers due before (and on) today
# The dossiers are made by the domain (each step recorded as staff would) and stored one by one in the
# embedded MongoDB (mongo-java-server, memory backend, as the service starts it with no URI), once per
# fork, not measured (its time and state mix are printed). Sample time: p50 and p99 in µs, and the
# repository's p50 against the driver's. The benchmarks build through the jmh profile of beneficiary-service.
# Usage: [JAVA=path/to/java] bench/cpf-dossiers.sh [forks=1] [warm-up iterations=2] [iterations=3] [seconds per iteration=5] [dossiers=100000] [centres=300]
# e.g. bench/cpf-dossiers.sh 1 3 5 10
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=bench/jmh.sh
source bench/jmh.sh
FORKS=${1:-1} WARM_UPS=${2:-2} ITERATIONS=${3:-3} SECONDS_PER_ITERATION=${4:-5} DOSSIERS=${5:-100000} CENTRES=${6:-300}
NAME=cpf-dossiers
OUT=beneficiary-service/target/jmh
run_jmh beneficiary-service "$NAME" 'fr.bilan.beneficiary.cpf.CpfDossierQueryBenchmark' \
  "$FORKS" "$WARM_UPS" "$ITERATIONS" "$SECONDS_PER_ITERATION" -p "dossiers=$DOSSIERS" -p "centres=$CENTRES"
awk '/^# Benchmark: / { sub(/.*\./, ""); name = $0 } /^seeded / { print name ": " $0 }' "$OUT/$NAME.log"
# the repository's time against the bare driver's, query by query
ratios beneficiary-service "$NAME" repository driver ToDoNext OverdueCount
