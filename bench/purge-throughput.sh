#!/usr/bin/env bash
# Destruction throughput of the retention purge's storage side, measured with JMH in one run (no
# platform needed): ObjectEraser (multi-object deletes of 1,000 keys, the bucket's versioning asked
# first, an outcome per key; no rate limit) against the bare MinIO client's removeObjects on
# 1,000-key lists, both deleting the same number of freshly put one-byte objects from the embedded
# S3Proxy (memory store) on loopback. Single-shot time: each iteration puts the objects (not measured),
# then deletes them all; objects per second from the mean time, and the eraser/bare ratio (aim: 0.8 or
# more). The benchmarks build through the jmh profile of retention-service (own source root and build
# folder: the default build never sees them). About seven minutes on two cores, mostly spent putting
# objects (S3Proxy takes about 330 puts a second here).
# Usage: [JAVA=path/to/java] bench/purge-throughput.sh [forks=1] [warm-up iterations=1] [iterations=2]
# (JAVA: the JVM that runs the benchmarks, e.g. the Java 25 production runs on; default: java on the PATH)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=bench/jmh.sh
source bench/jmh.sh
FORKS=${1:-1} WARM_UPS=${2:-1} ITERATIONS=${3:-2}
NAME=purge-throughput
OUT=retention-service/target/jmh
# single-shot iterations ignore the seconds per iteration
measure_jmh retention-service "$NAME" 'fr.bilan.retention.purge.PurgeThroughputBenchmark' \
  "$FORKS" "$WARM_UPS" "$ITERATIONS" 1
# CSV rows: "package.Class.name","ss",threads,samples,mean (ms),error,unit,objects
awk -F, '
  { gsub(/"/, ""); name = $1; sub(/.*\./, "", name); order[++n] = name; samples[name] = $4; mean[name] = $5
    objects[name] = $NF }
  END {
    printf "%-14s %9s %8s %10s %10s\n", "benchmark", "objects", "samples", "mean (ms)", "objects/s"
    for (i = 1; i <= n; i++) {
      name = order[i]; rate[name] = objects[name] / (mean[name] / 1000)
      printf "%-14s %9d %8d %10.0f %10.0f\n", name, objects[name], samples[name], mean[name], rate[name]
    }
    if (("eraser" in rate) && ("bareClient" in rate)) {
      printf "\neraser / bare client: %.2f (aim: 0.80 or more)\n", rate["eraser"] / rate["bareClient"]
    }
  }' <(tail -n +2 "$OUT/$NAME.csv")
