# Sourced by the JMH scripts (bench/slot-proposal.sh, bench/conflict-check.sh, bench/access-log.sh, bench/synthesis-render.sh, bench/registry-query.sh, bench/cpf-dossiers.sh, bench/quality-results.sh,
# bench/storage-throughput.sh, bench/purge-throughput.sh): builds a module's jmh profile (own source
# root and build folder: the default build never sees the benchmarks) and runs the benchmarks a pattern
# selects, on the JVM $JAVA (default: java on the PATH). The module's pom declares the jmh profile (see
# session-service/pom.xml).

# measure_jmh <module> <name> <benchmark pattern> <forks> <warm-up iterations> <iterations> <seconds per iteration> [JMH option…]
# leaves the full output in <module>/target/jmh/<name>.log and the CSV in <module>/target/jmh/<name>.csv;
# further arguments go to JMH as they are (e.g. -p objects=100000). MVNW: how Maven is run (default ./mvnw;
# e.g. MVNW="flock /tmp/mvn.lock ./mvnw -o" where builds share a machine and take turns).
measure_jmh() {
  local module=$1 name=$2 pattern=$3 forks=$4 warm_ups=$5 iterations=$6 seconds=$7
  local out=$module/target/jmh java=${JAVA:-java}
  ${MVNW:-./mvnw} -q -B -Pjmh -pl "$module" -am -DskipTests process-classes
  local command=("$java" -cp "$out/classes:$(cat "$out/jmh.classpath")" org.openjdk.jmh.Main "$pattern"
    -f "$forks" -wi "$warm_ups" -w "${seconds}s" -i "$iterations" -r "${seconds}s" -t 1
    -rf csv -rff "$out/$name.csv" "${@:8}")
  echo "$name: JMH -f $forks -wi $warm_ups -w ${seconds}s -i $iterations -r ${seconds}s -t 1 ${*:8}" \
    "(full output: $out/$name.log)…" >&2
  if ! "${command[@]}" > "$out/$name.log" 2>&1; then
    tail -n 40 "$out/$name.log" >&2
    echo "$name: JMH failed (output above)" >&2
    return 1
  fi
  echo "JVM: $("$java" -version 2>&1 | head -n 1)"
  echo "load average after the run: $(cut -d ' ' -f 1-3 /proc/loadavg) ($(nproc) cores)"
}

# run_jmh, same arguments: measure_jmh, then p50/p99 per benchmark from JMH's CSV.
run_jmh() {
  measure_jmh "$@"
  # one line per benchmark from the CSV rows "package.Class.name" and "package.Class.name:p0.50"…
  awk -F, '
    { gsub(/"/, ""); split($1, key, ":"); name = key[1]; sub(/.*\./, "", name) }
    key[2] == "" { order[++n] = name; samples[name] = $4; mean[name] = $5; unit = $7 }
    key[2] == "p0.50" { p50[name] = $5 }
    key[2] == "p0.99" { p99[name] = $5 }
    END {
      sub(/us\//, "µs/", unit)
      printf "%-32s %9s %10s %10s %10s\n", "benchmark (" unit ")", "samples", "p50", "p99", "mean"
      for (i = 1; i <= n; i++) {
        printf "%-32s %9d %10.1f %10.1f %10.1f\n", order[i], samples[order[i]], p50[order[i]], p99[order[i]],
          mean[order[i]]
      }
    }' <(tail -n +2 "$1/target/jmh/$2.csv")
}

# ratios <module> <name> <ours> <bare> <case…>: per case, the p50 and p99 of benchmark <ours><case> against
# <bare><case>'s, from the CSV of measure_jmh (e.g. ratios m n repository driver ToDoNext: repositoryToDoNext
# against driverToDoNext).
ratios() {
  local module=$1 name=$2 ours=$3 bare=$4
  awk -F, -v ours="$ours" -v bare="$bare" -v cases="${*:5}" '
    { gsub(/"/, ""); split($1, key, ":"); name = key[1]; sub(/.*\./, "", name) }
    key[2] == "p0.50" { p50[name] = $5 }
    key[2] == "p0.99" { p99[name] = $5 }
    END {
      n = split(cases, all, " ")
      for (i = 1; i <= n; i++) {
        c = all[i]
        if (p50[bare c] > 0 && p99[bare c] > 0) {
          printf "%-13s %s/%s: p50 %.2f, p99 %.2f\n", c, ours, bare, p50[ours c] / p50[bare c], p99[ours c] / p99[bare c]
        }
      }
    }' <(tail -n +2 "$module/target/jmh/$name.csv")
}
