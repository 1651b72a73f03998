#!/usr/bin/env bash
# The scale-out harness on 127.0.0.1: one embedded cloud, a private PostgreSQL, two standalone Zenith replicas a and b
# (scripts/serve-standalone.sh: same ZENITH_SESSION_SECRET, same ZENITH_DATABASE_URL, own data dirs) and HAProxy
# running deploy/haproxy/zenith.cfg.example, health-checked on /api/readyz. Needs a `next build`.
#   harness.sh up DIR            start everything; writes DIR/endpoints.json (last line: its path)
#   harness.sh down DIR          stop everything (by PID files)
#   harness.sh stop|start a|b DIR   stop (SIGTERM, no drain) or start one replica (and wait until HAProxy has it UP)
#   harness.sh kill a|b DIR      SIGKILL one replica (a crash)
#   harness.sh roll DIR          rolling restart: per replica, drain (remove its ready file), wait DOWN, restart, wait UP
# The rollout lab (scripts/rollout-lab.sh, pool "lab") runs as the replicas' user, whose Ansible drives it.
# Ports: SCALE_OUT_PORT (4200) = HAProxy, +1 stats, +2 replica a, +3 replica b, +4 sim, +5 PostgreSQL, +10..+14 lab.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
source scripts/lib.sh
OP=${1:-}
case "$OP" in stop | start | kill) NAME=${2:?replica a|b}; DIR=${3:?DIR} ;; *) DIR=${2:?DIR} ;; esac
DIR=$(realpath -m "$DIR")
BASE=${SCALE_OUT_PORT:-4200}
LB=$BASE STATS=$((BASE + 1)) SIM=$((BASE + 4)) PG=$((BASE + 5))
declare -A PORT=([a]=$((BASE + 2)) [b]=$((BASE + 3)))
SOCK=$DIR/run/haproxy.sock
# The replicas' user (serve-standalone.sh drops to it when started as root).
as_replica_user() { if [ "$(id -u)" = 0 ]; then HOME=$DIR/lab setpriv --reuid="${ZENITH_USER:-zenith}" --regid="${ZENITH_USER:-zenith}" --init-groups "$@"; else "$@"; fi; }
say() { echo "scale-out: $*" >&2; }
now() { date +%s.%N; }
hap() { /usr/bin/python3 rollouts/hapctl.py --socket "$SOCK" "$@"; }

stop_pid() { # stop_pid FILE [SIGNAL]: stops the process (group) whose PID is in FILE, waiting up to 10 s
  local f=$1 sig=${2:-TERM} pid i
  [ -f "$f" ] || return 0
  pid=$(cat "$f"); rm -f "$f"
  kill -0 "$pid" 2> /dev/null || return 0
  kill "-$sig" -- "-$pid" 2> /dev/null || kill "-$sig" "$pid" 2> /dev/null || true
  for ((i = 0; i < 100; i++)); do kill -0 "$pid" 2> /dev/null || return 0; sleep 0.1; done
  kill -KILL -- "-$pid" 2> /dev/null || true
}

start_replica() {
  local n=$1
  mkdir -p "$DIR/$n" "$DIR/run"
  rm -f "$DIR/$n.log"
  # ANSIBLE_REMOTE_TMP: the rollouts' Ansible runs as the replicas' system user, whose passwd home is /nonexistent,
  # and its remote tmp (~/.ansible/tmp) was resolved there for the lab's hosts.
  PORT=${PORT[$n]} HOST=127.0.0.1 ZENITH_DATA_DIR="$DIR/$n" ZENITH_READY_FILE="$DIR/$n/ready" \
    ZENITH_SESSION_SECRET="$(cat "$DIR/session-secret")" ZENITH_DATABASE_URL="$(cat "$DIR/database-url")" \
    ZENITH_AUTH_URL="http://127.0.0.1:$SIM/identity/v3" ZENITH_CEPH_USER=admin ZENITH_CEPH_PASSWORD=zenith-ceph \
    ZENITH_GLANCE_CONVERSION=raw ZENITH_LOG_LEVEL=${ZENITH_LOG_LEVEL:-warn} ZENITH_ROLLOUTS_CONFIG="$DIR/pools.yaml" \
    ANSIBLE_REMOTE_TMP="$DIR/run/ansible-tmp" \
    start_group "$DIR/$n.log" bash scripts/serve-standalone.sh > "$DIR/run/$n.pid"
  # The rollouts feature restores a drained host's health file after its update: here, the start does.
  echo OK > "$DIR/$n/ready"
  wait_http "replica $n" "http://127.0.0.1:${PORT[$n]}/api/healthz" 60 || { tail -20 "$DIR/$n.log" >&2; return 1; }
}

up() {
  [ -f .next/standalone/server.js ] || { say "no standalone build: run 'npx next build' first"; exit 1; }
  down 2> /dev/null || true
  rm -rf "$DIR"; mkdir -p "$DIR/run"
  trap 'down' ERR
  node -e 'console.log(require("crypto").randomBytes(32).toString("base64url"))' > "$DIR/session-secret"
  bash scripts/postgres.sh start "$DIR/pg" "$PG" | tail -1 > "$DIR/database-url"
  SIM_PORT=$SIM SIM_CONTROLS=1 SIM_DB="$DIR/sim.sqlite" SIM_SCENARIO=default SIM_TIME_SCALE=${SIM_TIME_SCALE:-0.05} \
    start_group "$DIR/sim.log" node --import tsx sim/main.ts > "$DIR/run/sim.pid"
  wait_http "the sim" "http://127.0.0.1:$SIM/identity/v3" 60 || { tail -20 "$DIR/sim.log" >&2; exit 1; }
  mkdir -p "$DIR/lab"
  if [ "$(id -u)" = 0 ]; then ensure_system_user "${ZENITH_USER:-zenith}"; chown "${ZENITH_USER:-zenith}:" "$DIR/lab"; fi
  ZENITH_ROLLOUT_LAB_PORT=$((BASE + 10)) as_replica_user bash scripts/rollout-lab.sh up "$DIR/lab" > /dev/null 2> "$DIR/lab.log" ||
    { cat "$DIR/lab.log" >&2; exit 1; }
  write_pools
  # The replicas' user restarts replicas from a rollout (restart-replica.yml): it writes their PID files and logs.
  [ "$(id -u)" != 0 ] || chown "${ZENITH_USER:-zenith}:" "$DIR" "$DIR/run"
  start_replica a & start_replica b & wait -n && wait -n
  ZENITH_LB_BIND=127.0.0.1:$LB ZENITH_REPLICA_A=127.0.0.1:${PORT[a]} ZENITH_REPLICA_B=127.0.0.1:${PORT[b]} \
    ZENITH_HAPROXY_SOCKET=$SOCK ZENITH_HAPROXY_PIDFILE=$DIR/run/haproxy.pid ZENITH_HAPROXY_STATS=127.0.0.1:$STATS \
    "$(command -v haproxy || echo /usr/sbin/haproxy)" -D -f deploy/haproxy/zenith.cfg.example > "$DIR/haproxy.log" 2>&1 || { cat "$DIR/haproxy.log" >&2; exit 1; }
  hap wait zenith a UP --timeout 60 > /dev/null && hap wait zenith b UP --timeout 60 > /dev/null ||
    { say "replicas not UP: $(hap status zenith a b)"; curl -s "http://127.0.0.1:${PORT[a]}/api/readyz" >&2; exit 1; }
  trap - ERR
  cat > "$DIR/endpoints.json" << JSON
{ "lb": "http://127.0.0.1:$LB", "a": "http://127.0.0.1:${PORT[a]}", "b": "http://127.0.0.1:${PORT[b]}",
  "sim": "http://127.0.0.1:$SIM", "lab": "$DIR/lab", "databaseUrl": "$(cat "$DIR/database-url")", "socket": "$SOCK", "dir": "$DIR",
  "users": { "admin": { "username": "admin", "password": "zenith-admin", "project": "admin" },
             "demo": { "username": "demo", "password": "zenith-demo", "project": "demo" } } }
JSON
  say "up: HAProxy http://127.0.0.1:$LB → a :${PORT[a]}, b :${PORT[b]}; sim :$SIM; PostgreSQL :$PG"
  echo "$DIR/endpoints.json"
}

write_pools() { # the lab's pool, and one pool per replica: a rollout run on one replica rolls the other
  sed -e "s|inventory: inventory.yml|inventory: $DIR/lab/inventory.yml|" -e "s|socket: run/haproxy.sock|socket: $DIR/lab/run/haproxy.sock|" \
    "$DIR/lab/pools.yaml" > "$DIR/pools.yaml"
  local n
  for n in a b; do
    cat >> "$DIR/pools.yaml" << YAML
  - name: zenith-$n
    description: "Replica $n of the harness's Zenith (HAProxy 127.0.0.1:$LB, backend zenith)"
    inventory: $DIR/zenith-inventory.yml
    hosts: [$n]
    haproxy: { statsUrl: "http://127.0.0.1:$STATS/stats;csv", backend: zenith }
    probeUrl: "http://127.0.0.1:$LB/api/healthz"
    probeTimeoutMs: 5000
    healthFile: "{{ ready_file }}"
    update: { tasks: $ROOT/scripts/scale-out/restart-replica.yml }
    minHealthy: 0
    waitTimeoutSeconds: 60
YAML
  done
  cat > "$DIR/zenith-inventory.yml" << INV
all:
  vars: { ansible_connection: local, ansible_python_interpreter: /usr/bin/python3, ansible_remote_tmp: $DIR/run/ansible-tmp, scale_out_root: $ROOT, scale_out_dir: $DIR, scale_out_port: $BASE }
  hosts:
    a: { ready_file: $DIR/a/ready }
    b: { ready_file: $DIR/b/ready }
INV
}

down() {
  stop_pid "$DIR/run/haproxy.pid"
  stop_pid "$DIR/run/a.pid"; stop_pid "$DIR/run/b.pid"; stop_pid "$DIR/run/sim.pid"
  [ ! -d "$DIR/lab/run" ] || bash scripts/rollout-lab.sh down "$DIR/lab"
  bash scripts/postgres.sh stop "$DIR/pg"
}

roll() { # per replica: drain → DOWN → in-flight requests end → restart → UP; one line of timings each
  local n t0 tdown tup
  for n in a b; do
    t0=$(now)
    rm -f "$DIR/$n/ready"
    hap wait zenith "$n" DOWN --timeout 30 > /dev/null
    tdown=$(now)
    sleep "${SCALE_OUT_DRAIN_GRACE:-1}"
    stop_pid "$DIR/run/$n.pid"
    start_replica "$n"
    hap wait zenith "$n" UP --timeout 60 > /dev/null
    tup=$(now)
    printf 'roll %s: DOWN %.2fs after the drain, UP %.2fs after that\n' "$n" "$(echo "$tdown - $t0" | bc)" "$(echo "$tup - $tdown" | bc)"
  done
}

case "$OP" in
  up) up ;;
  down) down ;;
  stop) stop_pid "$DIR/run/$NAME.pid" ;;
  kill) stop_pid "$DIR/run/$NAME.pid" KILL ;;
  # Then until HAProxy has it UP again, when this user may read its socket (not from a rollout: its update waits itself).
  start) start_replica "$NAME" && { [ ! -w "$SOCK" ] || hap wait zenith "$NAME" UP --timeout 60 > /dev/null; } ;;
  roll) roll ;;
  *) sed -n '2,11p' "$0" >&2; exit 2 ;;
esac
