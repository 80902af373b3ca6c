#!/usr/bin/env bash
# Runs every MamBot test on a fresh machine: installs what the tests need, runs all test projects,
# and ends with one line "tests: N passed, N failed" summed over the projects.
set -uo pipefail
cd "$(dirname "$0")"

fail() { echo "ERROR: $*" >&2; echo "tests: 0 passed, 1 failed"; exit 1; }

command -v dotnet >/dev/null || fail "the .NET 10 SDK is missing: install it from https://dot.net (dotnet-sdk-10.0)."
dotnet --list-sdks | grep -q '^10\.' || fail "the .NET 10 SDK is required; found: $(dotnet --list-sdks | tr '\n' ' ')"

# The Telegram tests drive the real Telegram.Bot client against the npm emulator telegram-test-api.
command -v node >/dev/null && command -v npm >/dev/null \
  || fail "Node.js and npm are needed for the Telegram emulator: install them (Debian: apt-get install nodejs npm)."
npm install --prefix tests/tools/telegram-emulator --no-audit --no-fund --loglevel=error >/dev/null \
  || fail "could not install the Telegram emulator (npm install --prefix tests/tools/telegram-emulator)."
[ -d tests/tools/telegram-emulator/node_modules/telegram-test-api ] \
  || fail "the Telegram emulator (telegram-test-api) is missing after npm install."

# The web chat's browser tests check the page against WCAG 2.1 AA with the npm package axe-core.
npm install --prefix tests/tools/axe --no-audit --no-fund --loglevel=error >/dev/null \
  || fail "could not install axe-core (npm install --prefix tests/tools/axe)."
[ -f tests/tools/axe/node_modules/axe-core/axe.min.js ] \
  || fail "axe-core (tests/tools/axe/node_modules/axe-core/axe.min.js) is missing after npm install."

# The browser tests (admin panel, web chat) drive Debian's Chromium through Microsoft.Playwright (never a
# downloaded browser).
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's chromium for the browser tests…"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || fail "could not install Debian's chromium (apt-get install chromium)."
  else
    fail "the browser tests need Debian's Chromium at /usr/bin/chromium: run 'sudo apt-get install chromium'."
  fi
fi

# The calendar tests read our .ics files with Debian's python3-icalendar, a parser nobody here wrote.
if ! /usr/bin/python3 -c 'import icalendar' 2>/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's python3-icalendar for the calendar tests…"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-icalendar >/dev/null) \
      || fail "could not install Debian's python3-icalendar (apt-get install python3-icalendar)."
  else
    fail "the calendar tests need Debian's python3-icalendar: run 'sudo apt-get install python3-icalendar'."
  fi
fi

# The poster tests print PDFs to pixels with Debian's poppler-utils (pdftoppm), and posters need a font with
# Polish letters (fonts-dejavu-core), as on a server.
need=()
command -v pdftoppm >/dev/null || need+=(poppler-utils)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing ${need[*]} for the poster tests…"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null) \
      || fail "could not install ${need[*]} (apt-get install ${need[*]})."
  else
    fail "the poster tests need ${need[*]}: run 'sudo apt-get install ${need[*]}'."
  fi
fi

# The data tests run on PostgreSQL too: a throwaway cluster of Debian's postgresql, started here, gone at exit.
source tools/throwaway-postgres.sh
log=$(mktemp)
export MAMBOT_REPORTS=$(mktemp -d)
trap 'stop_throwaway_postgres; rm -rf "$log" "$MAMBOT_REPORTS"' EXIT
start_throwaway_postgres
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

cat "$MAMBOT_REPORTS"/*.txt 2>/dev/null   # figures tests report, e.g. the understanding accuracy
echo "tests: $passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
