# Sourced by session-service's JMH scripts (bench/slot-proposal.sh, bench/conflict-check.sh): builds the
# jmh profile (own source root and build folder: the default build never sees the benchmarks), runs
# the benchmarks a pattern selects, and prints p50/p99 per benchmark from JMH's CSV.
# run_session_jmh <name> <benchmark pattern> <forks> <warm-up iterations> <iterations> <seconds per iteration>
# leaves the full output in session-service/target/jmh/<name>.log.
run_session_jmh() {
  local name=$1 pattern=$2 forks=$3 warm_ups=$4 iterations=$5 seconds=$6
  local out=session-service/target/jmh
  ./mvnw -q -B -Pjmh -pl session-service -am -DskipTests process-classes
  local command=(java -cp "$out/classes:$(cat "$out/jmh.classpath")" org.openjdk.jmh.Main "$pattern"
    -f "$forks" -wi "$warm_ups" -w "${seconds}s" -i "$iterations" -r "${seconds}s" -t 1
    -rf csv -rff "$out/$name.csv")
  echo "$name: JMH -f $forks -wi $warm_ups -w ${seconds}s -i $iterations -r ${seconds}s -t 1" \
    "(full output: $out/$name.log)…" >&2
  if ! "${command[@]}" > "$out/$name.log" 2>&1; then
    tail -n 40 "$out/$name.log" >&2
    echo "$name: JMH failed (output above)" >&2
    return 1
  fi
  echo "load average after the run: $(cut -d ' ' -f 1-3 /proc/loadavg) ($(nproc) cores)"
  # one line per benchmark from the CSV rows "package.Class.name" and "package.Class.name:p0.50"…
  awk -F, '
    { gsub(/"/, ""); split($1, key, ":"); name = key[1]; sub(/.*\./, "", name) }
    key[2] == "" { order[++n] = name; samples[name] = $4; mean[name] = $5 }
    key[2] == "p0.50" { p50[name] = $5 }
    key[2] == "p0.99" { p99[name] = $5 }
    END {
      printf "%-32s %9s %10s %10s %10s\n", "benchmark (µs)", "samples", "p50", "p99", "mean"
      for (i = 1; i <= n; i++) {
        printf "%-32s %9d %10.1f %10.1f %10.1f\n", order[i], samples[order[i]], p50[order[i]], p99[order[i]],
          mean[order[i]]
      }
    }' <(tail -n +2 "$out/$name.csv")
}
