#!/usr/bin/env bash
# Web chat turns on SQLite (one host) and PostgreSQL (one and two hosts), each beside its floor, on a throwaway
# PostgreSQL cluster started here and removed at exit. Usage: bench/hosts.sh [clients]   (default 16)
set -uo pipefail
cd "$(dirname "$0")/.."
fail() { echo "ERROR: $*" >&2; exit 1; }
source tools/throwaway-postgres.sh
trap stop_throwaway_postgres EXIT
start_throwaway_postgres
dotnet run -c Release --project bench/MamBot.Benchmarks -- hosts "$@"
