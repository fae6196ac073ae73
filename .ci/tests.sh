#!/usr/bin/env bash
# The unit and browser suites, side by side. Unit tests are work for the processor; browser tests spend
# most of their time waiting on Chromium. One vitest run takes a project's files after the other's, so
# on a two-core machine they run as two runs at once. The unit run yields the processor (nice): the
# browser tests then run as they would alone, their pages never starved by the unit tests' work, which
# takes the time the browser tests spend waiting. The unit run's report is printed when it ends, whole,
# so the two never interleave; the exit status fails if either run failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export VITE_CONFIG_NATIVE_IGNORE_WARNING=true
report=$(mktemp)
trap 'rm -f "$report"' EXIT
nice -n 19 npx vitest run --project unit >"$report" 2>&1 &
unit=$!
npx vitest run --project browser
browser=$?
wait "$unit"
units=$?
echo
echo "── unit tests ──"
cat "$report"
exit $((browser != 0 || units != 0))
