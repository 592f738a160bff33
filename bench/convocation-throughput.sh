#!/usr/bin/env bash
# Convocations per second through notification-service's whole path, against what the SMTP server alone
# takes from a bare client, measured with JMH in one run (no platform needed; GreenMail in the benchmark's
# JVM on loopback):
#   wholePath  notification-service as it runs (Spring context, embedded MongoDB in memory, its gRPC
#              server) told N booked sessions by RecordEvents over gRPC as a platform service, which it
#              records, plans and sends: each beneficiary's contact read over gRPC, the consultant's name
#              from the directory's stand-in, the real templates (HTML, text, .ics), SMTP; timed until the
#              server holds every message;
#   bareSmtp   Spring's JavaMailSender alone sending the same convocation (written once by the same
#              templates) to the same N addresses, one connection a message as the service sends.
# Single-shot time: messages per second from the mean, and the ratio of the whole path to the bare client.
# Here GreenMail takes about 20 messages a second from either, one connection a message, with the CPU
# mostly idle: 10,000 take 8 to 10 minutes per benchmark and iteration (JMH's timeout raised to 40 min).
# The benchmark builds through notification-service's jmh profile (own source root and build folder).
# Usage: [JAVA=path/to/java] bench/convocation-throughput.sh [forks=1] [warm-up iterations=1] [iterations=2]
#                                                          [convocations=10000] [benchmarks=wholePath|bareSmtp]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=bench/jmh.sh
source bench/jmh.sh
FORKS=${1:-1} WARM_UPS=${2:-1} ITERATIONS=${3:-2} CONVOCATIONS=${4:-10000} BENCHMARKS=${5:-wholePath|bareSmtp}
NAME=convocation-throughput
OUT=notification-service/target/jmh
measure_jmh notification-service "$NAME" \
  "fr.bilan.notification.delivery.ConvocationThroughputBenchmark.($BENCHMARKS)\$" \
  "$FORKS" "$WARM_UPS" "$ITERATIONS" 1 -p "convocations=$CONVOCATIONS" -to 40m
# CSV rows: "package.Class.name","ss",threads,samples,mean (ms),error,unit,convocations
awk -F, '
  { gsub(/"/, ""); name = $1; sub(/.*\./, "", name); order[++n] = name; samples[name] = $4; mean[name] = $5
    messages[name] = $NF }
  END {
    printf "%-10s %9s %8s %10s %11s\n", "benchmark", "messages", "samples", "mean (ms)", "messages/s"
    for (i = 1; i <= n; i++) {
      name = order[i]; rate[name] = messages[name] / (mean[name] / 1000)
      printf "%-10s %9d %8d %10.0f %11.1f\n", name, messages[name], samples[name], mean[name], rate[name]
    }
    if (("wholePath" in rate) && ("bareSmtp" in rate)) {
      printf "\nwhole path / bare SMTP client: %.2f\n", rate["wholePath"] / rate["bareSmtp"]
    }
  }' <(tail -n +2 "$OUT/$NAME.csv")
