#!/usr/bin/env bash
# Measures the platform's start-up in one run: a cold ./bilan up (new data folder: Keycloak
# unpacked and built for the first time, empty stores), then a warm one on the same folder, each
# component's own start-up time and its resident memory once everything is ready.
# Usage: bench/startup.sh        (jars are built first if missing, outside the timings)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

if ./bilan status | grep -q running; then
  echo "startup.sh: the platform is running; stop it first (./bilan down)" >&2
  exit 1
fi
export BILAN_HOME
BILAN_HOME=$(mktemp -d)
trap './bilan down > /dev/null 2>&1 || true; rm -rf "$BILAN_HOME"' EXIT

ls ./*/target/*-exec.jar > /dev/null 2>&1 || ./mvnw -q -B -DskipTests package

seconds_since() { awk -v a="$1" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }'; }

# rows: component | own start-up (s) | RSS (MiB), read from logs and /proc once all are ready
measure() {
  local name pid own rss
  for name in keycloak beneficiary-service session-service synthesis-service retention-service gateway; do
    pid=$(cat "$BILAN_HOME/run/$name.pid")
    if [ "$name" = keycloak ]; then
      own=$(sed -n 's/.* started in \([0-9.]*\)s\..*/\1/p' "$BILAN_HOME/logs/$name.log" | tail -n 1)
    else
      own=$(sed -n 's/.*Started [A-Za-z]* in \([0-9.]*\) seconds.*/\1/p' "$BILAN_HOME/logs/$name.log" | tail -n 1)
    fi
    # the process and its children (Keycloak's launcher script runs the JVM as a child)
    rss=$(ps -o rss= --ppid "$pid" -p "$pid" | awk '{ s += $1 } END { printf "%.0f", s / 1024 }')
    printf '| %s | %s | %s |\n' "$name" "$own" "$rss"
  done
}

start=$(date +%s%N)
./bilan up > "$BILAN_HOME/cold.txt" || { cat "$BILAN_HOME/cold.txt"; exit 1; }
cold=$(seconds_since "$start")
cold_rows=$(measure)
./bilan down > /dev/null

start=$(date +%s%N)
./bilan up > "$BILAN_HOME/warm.txt" || { cat "$BILAN_HOME/warm.txt"; exit 1; }
warm=$(seconds_since "$start")
warm_rows=$(measure)

runtime=$(sed -n 's/.* using Java \([^ ]*\) .*/\1/p' "$BILAN_HOME/logs/gateway.log" | head -n 1)
cat <<TABLE
### ./bilan up ($(nproc) cores, services on Java $runtime)
| run | wall time to ready (s) |
|---|---|
| cold (new data folder, Keycloak unpacked and built, empty stores) | $cold |
| warm (same folder, second start) | $warm |

### Per component, cold run
| component | own start-up (s) | RSS when ready (MiB) |
|---|---|---|
$cold_rows

### Per component, warm run
| component | own start-up (s) | RSS when ready (MiB) |
|---|---|---|
$warm_rows
TABLE
