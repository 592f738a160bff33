#!/usr/bin/env bash
# Upload and download throughput of the synthèse PDFs with encryption, measured with JMH in one run
# (no platform needed): EncryptedDocuments.put (AES-256-GCM seal with the bilan's key read from
# MongoDB, then putObject) and get (getObject, open, SHA-256 check) against the embedded S3Proxy
# (transient store) and embedded MongoDB (memory) the service starts when nothing is configured; the
# same bytes put and got through the MinIO client without encryption as the baseline; seal and open
# alone. A 300 KB and a 3 MB PDF-like payload. Sample time: p50/p99 per call, MB/s from the mean
# (decimal megabytes), and encrypted/plain ratios. The benchmarks build through the jmh profile of
# synthesis-service (own source root and build folder: the default build never sees them).
# Twenty seconds of warm-up by default: the JDK's AES-GCM runs its slow Java path (about 30 ms per
# 3 MB on these machines) until the JIT compiles its intrinsic, after a few hundred large documents.
# About seven minutes on two cores.
# Usage: [JAVA=path/to/java] bench/storage-throughput.sh [forks=1] [warm-up iterations=10] [iterations=5] [seconds per iteration=2]
# (JAVA: the JVM that runs the benchmarks, e.g. the Java 25 production runs on; default: java on the PATH)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=bench/jmh.sh
source bench/jmh.sh
FORKS=${1:-1} WARM_UPS=${2:-10} ITERATIONS=${3:-5} SECONDS_PER_ITERATION=${4:-2}
NAME=storage-throughput
OUT=synthesis-service/target/jmh
measure_jmh synthesis-service "$NAME" 'fr.bilan.synthesis.storage.StorageThroughputBenchmark' \
  "$FORKS" "$WARM_UPS" "$ITERATIONS" "$SECONDS_PER_ITERATION"
# CSV rows: "package.Class.name" (mean) and "package.Class.name:p0.50"…, the payload size last
awk -F, '
  { gsub(/"/, ""); split($1, key, ":"); name = key[1]; sub(/.*\./, "", name); size = $NF; id = name SUBSEP size }
  key[2] == "" { if (!(id in mean)) order[++n] = id; samples[id] = $4; mean[id] = $5 }
  key[2] == "p0.50" { p50[id] = $5 }
  key[2] == "p0.99" { p99[id] = $5 }
  END {
    printf "%-18s %9s %8s %10s %10s %10s %8s\n", "benchmark", "payload", "samples", "p50 (µs)", "p99 (µs)",
      "mean (µs)", "MB/s"
    for (i = 1; i <= n; i++) {
      split(order[i], part, SUBSEP); id = order[i]
      printf "%-18s %7.1f MB %8d %10.0f %10.0f %10.0f %8.1f\n", part[1], part[2] / 1e6, samples[id], p50[id], p99[id],
        mean[id], part[2] / mean[id]
    }
    print ""
    print "cost of encryption (encrypted / plain, mean time):"
    for (i = 1; i <= n; i++) {
      split(order[i], part, SUBSEP)
      if (part[1] == "encryptedUpload" || part[1] == "encryptedDownload") {
        plain = (part[1] == "encryptedUpload" ? "plainUpload" : "plainDownload") SUBSEP part[2]
        printf "  %-18s %7.1f MB  x%.2f (p50 x%.2f, p99 x%.2f)\n", part[1], part[2] / 1e6, mean[order[i]] / mean[plain],
          p50[order[i]] / p50[plain], p99[order[i]] / p99[plain]
      }
    }
  }' <(tail -n +2 "$OUT/$NAME.csv")
