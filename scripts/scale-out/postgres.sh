#!/usr/bin/env bash
# A private PostgreSQL cluster on 127.0.0.1 for the scale-out harness (Debian's postgresql package).
# Minimal on purpose: to be replaced by the data layer's scripts/postgres.sh once merged (same interface).
#   postgres.sh start DIR PORT   initdb when DIR is new, start; prints the database URL on the last line
#   postgres.sh stop  DIR        fast shutdown
# As root, the cluster runs as the postgres user (initdb refuses root). Trust authentication, loopback only.
set -euo pipefail
OP=${1:-}; DIR=$(realpath -m "${2:?DIR}"); PORT=${3:-}
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$BIN/initdb" ] || { echo "postgres.sh: Debian's postgresql is not installed (apt-get install postgresql)" >&2; exit 3; }
as_owner() { if [ "$(id -u)" = 0 ]; then setpriv --reuid=postgres --regid=postgres --init-groups "$@"; else "$@"; fi; }
case "$OP" in
  start)
    [ -n "$PORT" ] || { echo "usage: postgres.sh start DIR PORT" >&2; exit 2; }
    mkdir -p "$DIR"
    [ "$(id -u)" = 0 ] && chown postgres: "$DIR"
    if [ ! -f "$DIR/data/PG_VERSION" ]; then
      as_owner "$BIN/initdb" -D "$DIR/data" -U zenith --auth=trust --no-sync -E UTF8 > "$DIR/initdb.log" 2>&1 ||
        { cat "$DIR/initdb.log" >&2; exit 1; }
    fi
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/postgres.log" -w -t 60 start \
      -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c max_connections=100" > /dev/null ||
      { tail -20 "$DIR/postgres.log" >&2; exit 1; }
    as_owner "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U zenith -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='zenith'" | grep -q 1 ||
      as_owner "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U zenith zenith
    echo "postgres://zenith@127.0.0.1:$PORT/zenith"
    ;;
  stop)
    [ -f "$DIR/data/postmaster.pid" ] || exit 0
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop > /dev/null || true
    ;;
  *) echo "usage: postgres.sh start DIR PORT | stop DIR" >&2; exit 2 ;;
esac
