#!/usr/bin/env bash
# A private PostgreSQL cluster for tests and the replica harness, on 127.0.0.1 only, run as the `postgres` user.
#   scripts/postgres.sh start <dir> <port>   initdb into <dir> (once), start; prints the ZENITH_DATABASE_URL
#   scripts/postgres.sh stop <dir>           fast shutdown
# Database `zenith`, user `zenith`, password `zenith`, trust on 127.0.0.1 (the cluster is private to the test).
# Debian's postgresql package is installed when missing (CI runs as root on a clean machine).
set -euo pipefail
cmd=${1:?start|stop}
dir=${2:?data directory}
port=${3:-4150}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  [ "$(id -u)" = 0 ] || { echo "postgresql is not installed and this is not root" >&2; exit 1; }
  apt-get -o DPkg::Lock::Timeout=900 install -y postgresql >&2
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
fi
run_as=postgres
id "$run_as" >/dev/null 2>&1 || run_as=nobody
as() {
  if [ "$(id -u)" = 0 ]; then runuser -u "$run_as" -- "$@"; else "$@"; fi
}
case "$cmd" in
  start)
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown "$run_as" "$dir"; chmod 700 "$dir"; fi
    if [ ! -f "$dir/PG_VERSION" ]; then
      as "$bin/initdb" -D "$dir" -U zenith --auth=trust --no-instructions -E UTF8 >&2
    fi
    if ! as "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
      as "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=100" start >&2
    fi
    as "$bin/psql" -h 127.0.0.1 -p "$port" -U zenith -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='zenith'" | grep -q 1 ||
      as "$bin/createdb" -h 127.0.0.1 -p "$port" -U zenith zenith
    echo "postgres://zenith@127.0.0.1:$port/zenith"
    ;;
  stop)
    [ -f "$dir/postmaster.pid" ] && as "$bin/pg_ctl" -D "$dir" -m fast -w stop >&2 || true
    ;;
  *)
    echo "usage: $0 start|stop <dir> [port]" >&2
    exit 2
    ;;
esac
