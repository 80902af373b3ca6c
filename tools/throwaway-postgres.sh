# Sourced by test.sh and bench/hosts.sh. start_throwaway_postgres: a PostgreSQL cluster of Debian's postgresql
# (installed with apt-get when missing and root) in a temp folder on a free port, run as the postgres user when
# root (initdb refuses root), fast rather than durable; exports MAMBOT_TEST_POSTGRES. stop_throwaway_postgres
# removes it: call it from the caller's EXIT trap. Uses the caller's fail() when something is missing.

start_throwaway_postgres() {
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
  pg_dir=$(mktemp -d)
  [ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$pg_dir.log" 2>&1 \
    || fail "initdb of the throwaway PostgreSQL cluster failed: $(tail -3 "$pg_dir.log")"
  # Nothing to keep across a crash, so no waiting for the disk.
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/data/server.log" -w -t 60 start \
    -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    >/dev/null || fail "the throwaway PostgreSQL cluster did not start: $(tail -3 "$pg_dir/data/server.log")"
  export MAMBOT_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres"
}

stop_throwaway_postgres() {
  [ -n "${pg_dir:-}" ] || return 0
  [ -f "$pg_dir/data/postmaster.pid" ] && as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$pg_dir" "$pg_dir.log"
}

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
