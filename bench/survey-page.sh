#!/usr/bin/env bash
# The survey page's weight and time to interactive on throttled connections (DevTools' "Slow 4G",
# formerly "Fast 3G", and "Slow 3G"), against a bare page measured in the same run (bench/survey-page.mjs). The page measured is
# the one the real quality-service rendered through the real gateway in the gateway's
# SurveyPageBrowserTest (gateway/target/survey-page-survey.html), which this script runs first when
# that file is missing or with --refresh. Needs Debian's chromium and npm ci --prefix gateway/tools
# (bash .ci/run installs both).
# Usage: bench/survey-page.sh [--refresh] [runs per page and profile=9]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
PAGE=gateway/target/survey-page-survey.html
if [ "${1:-}" = "--refresh" ]; then
  shift
  rm -f "$PAGE"
fi
RUNS=${1:-9}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
[ -x "$CHROMIUM" ] || { echo "No Chromium at $CHROMIUM (apt-get install chromium)" >&2; exit 1; }
[ -d gateway/tools/node_modules/puppeteer-core ] || npm ci --prefix gateway/tools --no-audit --no-fund
if [ ! -f "$PAGE" ]; then
  ./mvnw -q -pl gateway -am verify -Dtest=SurveyPageBrowserTest -Dsurefire.failIfNoSpecifiedTests=false
fi
node bench/survey-page.mjs "$CHROMIUM" "$PAGE" "$RUNS"
