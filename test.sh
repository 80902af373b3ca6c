#!/usr/bin/env bash
# Runs every MamBot test on a fresh machine: installs what the tests need, runs all test projects,
# and ends with one line "tests: N passed, N failed" summed over the projects.
set -uo pipefail
cd "$(dirname "$0")"

fail() { echo "ERROR: $*" >&2; echo "tests: 0 passed, 1 failed"; exit 1; }

command -v dotnet >/dev/null || fail "the .NET 10 SDK is missing: install it from https://dot.net (dotnet-sdk-10.0)."
dotnet --list-sdks | grep -q '^10\.' || fail "the .NET 10 SDK is required; found: $(dotnet --list-sdks | tr '\n' ' ')"

log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet test MamBot.sln --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# One summary line per test project, e.g. "Passed!  - Failed:     0, Passed:    52, Skipped:     0, Total:    52, ..."
summaries=$(grep -E '^(Passed|Failed)! +- Failed: ' "$log")
passed=0; failed=0; skipped=0; runs=0
while IFS= read -r line; do
  [ -z "$line" ] && continue
  runs=$((runs + 1))
  f=$(sed -E 's/.*Failed: +([0-9]+).*/\1/' <<<"$line")
  p=$(sed -E 's/.*Passed: +([0-9]+).*/\1/' <<<"$line")
  s=$(sed -E 's/.*Skipped: +([0-9]+).*/\1/' <<<"$line")
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
done <<<"$summaries"

projects=$(ls tests/*/*.Tests.csproj | wc -l)
if [ "$runs" -lt "$projects" ]; then
  echo "ERROR: only $runs of $projects test projects reported results (a build or test host failure above)." >&2
  failed=$((failed + projects - runs))
fi
if [ "$skipped" -gt 0 ]; then
  echo "ERROR: $skipped test(s) were skipped; a test must run or fail, never skip." >&2
  failed=$((failed + skipped))
fi

echo "tests: $passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
