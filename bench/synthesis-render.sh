#!/usr/bin/env bash
# How fast the synthèse renderer prints, and how that compares with LibreOffice, in one run (no
# platform needed). First JMH, sample time: a ten-page synthèse rendered to PDF/A-3a + PDF/UA by the
# service's PdfRenderer (built once, as the service holds it), p50/p99 per document and documents per
# second on one thread (1e6 / mean µs). Then the same synthèse, as the very HTML the renderer prints
# from, turned into PDF by Debian's LibreOffice (`soffice --headless --convert-to pdf`), a fresh
# process per conversion as a consultant's desktop would run it, after one warm-up conversion; p50/p99
# per conversion. Prints both page counts (the document is meant to be about ten pages), and the
# ratios. LibreOffice is installed from Debian's packages when missing (libreoffice-writer-nogui,
# apt-get as root). The benchmarks build through the jmh profile of synthesis-service (own source root
# and build folder: the default build never sees them). About three minutes on two cores.
# Usage: bench/synthesis-render.sh [forks=1] [warm-up iterations=3] [iterations=5] [seconds per iteration=3]
#                                  [LibreOffice conversions=20]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=bench/jmh.sh
source bench/jmh.sh
FORKS=${1:-1} WARM_UPS=${2:-3} ITERATIONS=${3:-5} SECONDS_PER_ITERATION=${4:-3} CONVERSIONS=${5:-20}
OUT=synthesis-service/target/jmh

run_jmh synthesis-service synthesis-render 'fr.bilan.synthesis.rendering.RenderBenchmark' \
  "$FORKS" "$WARM_UPS" "$ITERATIONS" "$SECONDS_PER_ITERATION"
# the one benchmark's p50, p99 and mean (µs)
read -r RENDER_P50 RENDER_P99 RENDER_MEAN < <(tail -n +2 "$OUT/synthesis-render.csv" | awk -F, '
  { gsub(/"/, "") } $1 ~ /tenPageSynthesis$/ { mean = $5 } $1 ~ /:p0.50$/ { p50 = $5 } $1 ~ /:p0.99$/ { p99 = $5 }
  END { print p50, p99, mean }')

SAMPLE=$OUT/render-sample
CLASSPATH_JMH="$OUT/classes:$(cat "$OUT/jmh.classpath")"
RENDER_PAGES=$(java -cp "$CLASSPATH_JMH" fr.bilan.synthesis.rendering.RenderSample write "$SAMPLE")

if ! command -v soffice > /dev/null; then
  echo "LibreOffice is not installed: installing Debian's libreoffice-writer-nogui (apt-get, as root)…" >&2
  if [ "$(id -u)" -ne 0 ]; then
    echo "not root: install it yourself (apt-get install --no-install-recommends libreoffice-writer-nogui)" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui > /dev/null
fi
LO_OUT=$OUT/libreoffice
LO_PROFILE=$(mktemp -d)
trap 'rm -rf "$LO_PROFILE"' EXIT
mkdir -p "$LO_OUT"
convert() {
  soffice -env:UserInstallation="file://$LO_PROFILE" --headless --convert-to pdf --outdir "$LO_OUT" \
    "$SAMPLE/synthese.html" > "$LO_OUT/soffice.log" 2>&1
}
echo "LibreOffice $(soffice --version 2> /dev/null | awk '{print $2}'): one warm-up conversion (creates its profile)," \
  "then $CONVERSIONS timed, a fresh process each…" >&2
convert
: > "$LO_OUT/times"
for ((i = 0; i < CONVERSIONS; i++)); do
  start=$(date +%s%N)
  convert
  echo $((($(date +%s%N) - start) / 1000)) >> "$LO_OUT/times"
done
LO_PAGES=$(java -cp "$CLASSPATH_JMH" fr.bilan.synthesis.rendering.RenderSample pages "$LO_OUT/synthese.pdf")
# nearest-rank percentiles of the conversions (µs)
read -r LO_P50 LO_P99 LO_MEAN < <(sort -n "$LO_OUT/times" | awk '
  { t[NR] = $1; sum += $1 }
  END { r50 = int(NR * 0.50 + 0.999999); r99 = int(NR * 0.99 + 0.999999); print t[r50], t[r99], sum / NR }')

echo
awk -v rp50="$RENDER_P50" -v rp99="$RENDER_P99" -v rmean="$RENDER_MEAN" -v rpages="$RENDER_PAGES" \
  -v lp50="$LO_P50" -v lp99="$LO_P99" -v lmean="$LO_MEAN" -v lpages="$LO_PAGES" -v n="$CONVERSIONS" 'BEGIN {
  printf "%-34s %6s %10s %10s %10s %8s\n", "ten-page synthèse to PDF (ms)", "pages", "p50", "p99", "mean", "docs/s"
  printf "%-34s %6d %10.1f %10.1f %10.1f %8.1f\n", "PdfRenderer (JMH, one thread)", rpages, rp50 / 1000, rp99 / 1000,
    rmean / 1000, 1e6 / rmean
  printf "%-34s %6d %10.1f %10.1f %10.1f %8.2f\n", "LibreOffice --convert-to pdf (" n "×)", lpages, lp50 / 1000,
    lp99 / 1000, lmean / 1000, 1e6 / lmean
  printf "LibreOffice / PdfRenderer: %.0f× at p50, %.0f× on the mean\n", lp50 / rp50, lmean / rmean
}'
