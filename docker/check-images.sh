#!/usr/bin/env bash
# Checks, without Docker, what docker/Dockerfile relies on in the packaged jars:
#   - every module of the root pom that builds a runnable jar (spring-boot-maven-plugin) is one of
#     the image modules below, and each has its target/<module>-*-exec.jar;
#   - the jar's layers (BOOT-INF/layers.idx, read by Spring Boot's jar tools) are exactly the
#     folders the Dockerfile copies, in the same order;
#   - the Dockerfile's extract command, run as written, merges into a tree whose entry point class
#     (the ENTRYPOINT's JarLauncher) and application classes are where the launcher looks.
# Run after ./mvnw -q package -DskipTests, from anywhere: bash docker/check-images.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dockerfile="$root/docker/Dockerfile"
modules=(gateway beneficiary-service session-service synthesis-service retention-service notification-service quality-service)
not_deployed=(bench)   # the load generator: runnable, run from a workstation, never deployed
fail() { echo "FAIL: $*" >&2; exit 1; }

# runnable modules of the reactor = image modules
runnable=()
for module in $(sed -n 's:.*<module>\(.*\)</module>.*:\1:p' "$root/pom.xml"); do
  [[ " ${not_deployed[*]} " == *" $module "* ]] && continue
  if grep -q '<artifactId>spring-boot-maven-plugin</artifactId>' "$root/$module/pom.xml"; then runnable+=("$module"); fi
done
[[ "$(printf '%s\n' "${runnable[@]}" | sort)" == "$(printf '%s\n' "${modules[@]}" | sort)" ]] \
  || fail "runnable modules (${runnable[*]}) are not the image modules (${modules[*]})"

copied="$(sed -n 's:^COPY --from=layers /build/extracted/\([^/]*\)/ \./$:\1:p' "$dockerfile")"
extract="$(sed -n 's:^RUN \(java -Djarmode=tools -jar app.jar extract .*\)$:\1:p' "$dockerfile")"
entry="$(sed -n 's:^ENTRYPOINT \["java", "\(.*\)"\]$:\1:p' "$dockerfile")"
[[ -n "$copied" && -n "$extract" && -n "$entry" ]] || fail "cannot read the COPY/RUN/ENTRYPOINT lines of $dockerfile"

work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
for module in "${modules[@]}"; do
  jars=("$root/$module"/target/"$module"-*-exec.jar)
  [[ ${#jars[@]} -eq 1 && -f "${jars[0]}" ]] || fail "$module: expected one target/$module-*-exec.jar (package first)"
  layers="$(java -Djarmode=tools -jar "${jars[0]}" list-layers)"
  [[ "$layers" == "$copied" ]] || fail "$module: jar layers [$(echo $layers)] differ from the Dockerfile's COPY [$(echo $copied)]"
  mkdir -p "$work/$module/build" "$work/$module/app"
  cp "${jars[0]}" "$work/$module/build/app.jar"
  (cd "$work/$module/build" && eval "$extract" >/dev/null)
  for layer in $copied; do cp -a "$work/$module/build/extracted/$layer/." "$work/$module/app/"; done
  [[ -f "$work/$module/app/${entry//.//}.class" ]] || fail "$module: no $entry in the merged layers"
  [[ -d "$work/$module/app/BOOT-INF/classes" && -d "$work/$module/app/BOOT-INF/lib" ]] \
    || fail "$module: no BOOT-INF/classes or BOOT-INF/lib in the merged layers"
  echo "ok  $module: $(echo $layers | tr ' ' ','); $(ls "$work/$module/app/BOOT-INF/lib" | wc -l) libraries"
done
