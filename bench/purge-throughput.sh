#!/usr/bin/env bash
# Destruction throughput of the retention purge, measured with JMH in one run (no platform needed),
# every benchmark deleting the same number of freshly put one-byte objects from the embedded S3Proxy
# (memory store) on loopback:
#   purge       the whole service path: a real Purge (built by hand, no Spring context) over the
#               embedded MongoDB (mongo-java-server, memory), an entry per object in the registry
#               (ended bilans, due), deleting through a holder served over real gRPC on loopback that
#               erases with ObjectEraser, certifying in batches, marking the entries destroyed;
#   eraser      ObjectEraser alone (multi-object deletes of 1,000 keys, the bucket's versioning asked
#               first, an outcome per key; no rate limit);
#   bareClient  the bare MinIO client's removeObjects on 1,000-key lists, the baseline.
# Single-shot time: each iteration puts the objects and seeds the registry (not measured), then
# deletes them all; objects per second from the mean time, and the ratios to the bare client (aim:
# 0.8 or more). Each iteration checks the bucket is empty after, and for the purge that every entry is
# destroyed and certified. The benchmarks build through the jmh profile of retention-service (own
# source root and build folder: the default build never sees them). Mostly spent putting objects
# (S3Proxy takes about 330 puts a second here: a minute per benchmark and iteration for 20,000, five
# for 100,000).
# Usage: [JAVA=path/to/java] bench/purge-throughput.sh [forks=1] [warm-up iterations=1] [iterations=2]
#                                                      [objects=20000] [benchmarks=purge|eraser|bareClient]
# e.g. bench/purge-throughput.sh 1 0 1 100000 'purge|bareClient'   (100,000 objects, one shot each: ~15 min)
# (JAVA: the JVM that runs the benchmarks, e.g. the Java 25 production runs on; default: java on the PATH)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=bench/jmh.sh
source bench/jmh.sh
FORKS=${1:-1} WARM_UPS=${2:-1} ITERATIONS=${3:-2} OBJECTS=${4:-20000} BENCHMARKS=${5:-purge|eraser|bareClient}
NAME=purge-throughput
OUT=retention-service/target/jmh
# single-shot iterations ignore the seconds per iteration
measure_jmh retention-service "$NAME" "fr.bilan.retention.purge.PurgeThroughputBenchmark.($BENCHMARKS)\$" \
  "$FORKS" "$WARM_UPS" "$ITERATIONS" 1 -p "objects=$OBJECTS"
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
    print ""
    for (i = 1; i <= n; i++) {
      name = order[i]
      if (name != "bareClient" && ("bareClient" in rate)) {
        printf "%s / bare client: %.2f (aim: 0.80 or more)\n", name, rate[name] / rate["bareClient"]
      }
    }
  }' <(tail -n +2 "$OUT/$NAME.csv")
