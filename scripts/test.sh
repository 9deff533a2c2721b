#!/usr/bin/env bash
# Runs every test project against the database in DESAGIS_DATABASE and prints one closing tally.
set -uo pipefail
cd "$(dirname "$0")/.."
config=${1:-Release}
log=$(mktemp)
dotnet test DesaGis.sln -c "$config" --no-build --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# dotnet test prints one summary line per test project; add them up into the closing line.
read -r passed failed skipped < <(grep -E '^(Passed|Failed)!' "$log" | awk -F'[:,]' '
  { for (i = 1; i <= NF; i++) { gsub(/ /, "", $i) }
    for (i = 1; i < NF; i++) {
      if ($i ~ /Failed$/) f += $(i+1); if ($i ~ /Passed$/) p += $(i+1); if ($i ~ /Skipped$/) s += $(i+1) } }
  END { print p + 0, f + 0, s + 0 }')
rm -f "$log"
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [[ $status != 0 ]]; then exit "$status"; fi
if [[ $passed == 0 ]]; then echo "no test ran" >&2; exit 1; fi
