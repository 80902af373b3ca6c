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

# The admin panel's browser tests drive Debian's Chromium through Microsoft.Playwright (never a downloaded browser).
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

# The data tests run on PostgreSQL too: a throwaway cluster of Debian's postgresql, started here, gone at exit.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$pg_bin" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's postgresql for the PostgreSQL tests…"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) \
      || fail "could not install Debian's postgresql (apt-get install postgresql)."
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  fi
  [ -n "$pg_bin" ] || fail "the PostgreSQL tests need Debian's postgresql: run 'sudo apt-get install postgresql'."
fi
log=$(mktemp)
export MAMBOT_REPORTS=$(mktemp -d)
pg_dir=$(mktemp -d)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; } # initdb refuses root
stop_pg() { [ -f "$pg_dir/data/postmaster.pid" ] && as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1; rm -rf "$pg_dir" "$pg_dir.log"; }
trap 'stop_pg; rm -rf "$log" "$MAMBOT_REPORTS"' EXIT
[ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$pg_dir.log" 2>&1 \
  || fail "initdb of the throwaway PostgreSQL cluster failed: $(tail -3 "$pg_dir.log")"
# A test cluster: nothing to keep across a crash, so no waiting for the disk.
as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/data/server.log" -w -t 60 start \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  >/dev/null || fail "the throwaway PostgreSQL cluster did not start: $(tail -3 "$pg_dir/data/server.log")"
export MAMBOT_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres"
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
