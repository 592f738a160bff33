#!/usr/bin/env bash
# Start-up benchmark, in one run: a cold ./bilan up on a brand-new BILAN_HOME (Keycloak unpacked and
# built for the first time, empty stores), then a warm one on the same folder; for each component
# its own start-up time (from its log) and its RSS once the whole platform is ready.
# Usage: bench/startup.sh     (ports: the same BILAN_*_PORT variables as ./bilan)
set -euo pipefail
ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
cd "$ROOT"
fail() { echo "startup.sh: $*" >&2; exit 1; }
COMPONENTS=(mail keycloak beneficiary-service session-service synthesis-service retention-service notification-service quality-service gateway)

# captured, not piped into grep -q: with pipefail an early grep exit would read as "not running"
status=$(./bilan status 2> /dev/null || true)
[[ $status != *' running '* ]] || fail "the platform is running; stop it first with ./bilan down"
# jars first, outside the timings (and with its log in the caller's BILAN_HOME, which survives)
./bilan build || exit 1

TMP_HOME=$(mktemp -d "${TMPDIR:-/tmp}/bilan-bench.XXXXXX")
export BILAN_HOME=$TMP_HOME
# whatever happens, nothing of this run stays behind: processes first, then the folder
cleanup() { ./bilan down > /dev/null 2>&1 || true; rm -rf "$TMP_HOME"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

now_ns() { date +%s%N; }
elapsed() { awk -v a="$1" -v b="$(now_ns)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }'; }

# time one ./bilan up; its output is kept to read the per-component "ready at" seconds
run_up() {
  local out=$TMP_HOME/$1.txt begin
  begin=$(now_ns)
  if ! ./bilan up > "$out" 2>&1; then
    # a refusal (port taken, no JDK…) is one line: pass it on as such
    [ "$(wc -l < "$out")" -gt 1 ] || fail "cannot start the $1 run: $(cat "$out")"
    cat "$out" >&2
    fail "the $1 ./bilan up failed (output above)"
  fi
  WALL[$1]=$(elapsed "$begin")
  LOAD[$1]=$(cut -d ' ' -f 1-3 /proc/loadavg)
  grep -q 'building…' "$out" && echo "startup.sh: warning: sources changed meanwhile, the $1 run includes a build" >&2
  local name pid java rss
  for name in "${COMPONENTS[@]}"; do
    READY[$1.$name]=$(sed -n "s/.*✓ $name .*(\([0-9.]*\) s)\$/\1/p" "$out")
    if [ "$name" = keycloak ]; then
      OWN[$1.$name]=$(sed -n 's/.* started in \([0-9.]*\)s\..*/\1/p' "$TMP_HOME/logs/$name.log" | tail -n 1)
    else
      OWN[$1.$name]=$(sed -n 's/.*: Started [A-Za-z0-9_$]* in \([0-9.]*\) seconds.*/\1/p' "$TMP_HOME/logs/$name.log" | tail -n 1)
    fi
    # Keycloak's kc.sh may stay as the JVM's parent: measure the JVM
    pid=$(cat "$TMP_HOME/run/$name.pid")
    java=$pid
    [ "$(ps -o comm= -p "$pid")" = java ] || java=$(pgrep -P "$pid" -x java | head -n 1 || true)
    rss=$(ps -o rss= -p "$java" | tr -d ' ')
    RSS[$1.$name]=$(awk -v k="$rss" 'BEGIN { printf "%.0f", k / 1024 }')
  done
}
declare -A WALL LOAD READY OWN RSS

echo "bench/startup.sh: cold run (new BILAN_HOME $TMP_HOME)…" >&2
run_up cold
./bilan down > /dev/null
echo "bench/startup.sh: warm run (same BILAN_HOME)…" >&2
run_up warm
./bilan down > /dev/null

java_line=$(sed -n 's/.*services on Java \([0-9]*\).*/\1/p' "$TMP_HOME/cold.txt")
total() { local run=$1 name sum=0; for name in "${COMPONENTS[@]}"; do sum=$((sum + RSS[$run.$name])); done; echo "$sum"; }
cat << EOF

### ./bilan up start-up ($(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), services on Java $java_line, $(date -u +%Y-%m-%dT%H:%MZ))

| component | cold: ready at (s) | cold: own start-up (s) | cold: RSS (MiB) | warm: ready at (s) | warm: own start-up (s) | warm: RSS (MiB) |
|---|---:|---:|---:|---:|---:|---:|
EOF
for name in "${COMPONENTS[@]}"; do
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$name" \
    "${READY[cold.$name]}" "${OWN[cold.$name]:-?}" "${RSS[cold.$name]}" \
    "${READY[warm.$name]}" "${OWN[warm.$name]:-?}" "${RSS[warm.$name]}"
done
printf '| **whole platform** (`./bilan up` wall time, total RSS) | **%s** | | **%s** | **%s** | | **%s** |\n' \
  "${WALL[cold]}" "$(total cold)" "${WALL[warm]}" "$(total warm)"
cat << EOF

"ready at": seconds from the start of \`./bilan up\` until the readiness probe answered UP; "own start-up": what the component logs
(Spring Boot "Started … in", Keycloak "started in"; on the cold run Keycloak's figure leaves out its first build step, which
"ready at" includes); RSS of each JVM right after the whole platform was ready. Load average after each run: cold ${LOAD[cold]},
warm ${LOAD[warm]} (all six JVMs start at once on $(nproc) cores).
EOF
