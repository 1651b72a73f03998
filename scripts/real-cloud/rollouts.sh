# shellcheck shell=bash
# The pools Zenith's Admin → Rollouts runs on the real tier, and the configuration naming them ($DIR/rollouts.yaml,
# ZENITH_ROLLOUTS_CONFIG for the real-tier Zenith):
#   lab       the product's rollouts lab, scripts/rollout-lab.sh (HAProxy + 3 nginx) on 127.0.0.1:$LB_PORT..+4
#   keystone  the cloud's own pool, the kolla way: Keystone as two uwsgi instances (keystone-1, keystone-2 on
#             127.0.0.1:${KSP_BACKEND_PORTS[*]}) behind HAProxy (frontend 127.0.0.1:$KSP_PORT = Zenith's auth URL,
#             CSV stats on :$KSP_STATS_PORT, runtime socket at level admin). Each instance serves its own health
#             file at /_zenith/health.html (uwsgi static-map of its directory: a mapped file that is missing when
#             uwsgi starts stays unmapped; without the file the request falls through to Keystone, which answers
#             404), and HAProxy health-checks it. Both share keystone.conf (database, fernet keys)
#             with the services' keystone on :$KEYSTONE_PORT, so a token from one is valid on all.
#             The pool's update (keystone-pool/restart.yml) restarts one instance by PID.

ROOT_DIR=$(cd "$RC_HERE/../.." && pwd)
KSP_DIR=$OS_DIR/keystone-pool
KSP_HOSTS=(keystone-1 keystone-2)
HAPCTL_PY=$ROOT_DIR/rollouts/hapctl.py

# ------------------------------------------------------------------ the lab (the product's own script)
rollout_lab_up() {
  ZENITH_ROLLOUT_LAB_PORT=$LB_PORT bash "$ROOT_DIR/scripts/rollout-lab.sh" up "$RO_DIR" > "$LOGS/rollout-lab.log" 2>&1 \
    || die_log rollout-lab "did not come up" "$LOGS/rollout-lab.log"
  local i; for i in 1 2 3; do track "web$i" "$RO_DIR/run/nginx-web$i.pid"; done
  track haproxy "$RO_DIR/run/haproxy.pid"
  stamp rollout_lab
}

# rollout_draining NAME: NAME is a pool backend whose health file is removed, i.e. a rollout has drained it and may
# be restarting it right now (status must not call the tier broken for that; `up` would rebuild it all)
rollout_draining() {
  case "$1" in
    web[1-3]) [ ! -e "$RO_DIR/www/$1/health.html" ] ;;
    keystone-[12]) [ ! -e "$KSP_DIR/$1/health.html" ] ;;
    *) return 1 ;;
  esac
}

# ------------------------------------------------------------------ the keystone pool
ksp_hap() { $PY "$HAPCTL_PY" --socket "$KSP_DIR/run/haproxy.sock" "$@"; }
ksp_all_up() { [ "$(ksp_hap status keystone "${KSP_HOSTS[@]}" 2>/dev/null)" = "UP UP" ]; }

# ksp_start HOST: (re)start one uwsgi instance from its ini (daemonized, in its own session; the rollout's
# update runs the same command)
ksp_start() { env -u PYTHONPATH -u PYTHONHOME -u VIRTUAL_ENV /usr/bin/uwsgi --ini "$KSP_DIR/$1.ini"; }

# keystone_pool_up: after keystone_up (the database and keys exist). Starts both instances and their HAProxy,
# writes the inventory; does not wait (keystone_pool_wait does).
keystone_pool_up() {
  local K=$OS_DIR/keystone i h port hosts="" servers=""
  rm -rf "$KSP_DIR"; mkdir -p "$KSP_DIR/run"
  for i in 0 1; do
    h=${KSP_HOSTS[$i]}; port=${KSP_BACKEND_PORTS[$i]}
    mkdir -p "$KSP_DIR/$h"; echo OK > "$KSP_DIR/$h/health.html"
    # like uwsgi_app (openstack.sh) plus the health file and daemonize; 2 processes so a health check is not
    # queued behind a slow token request
    cat > "$KSP_DIR/$h.ini" <<EOF
[uwsgi]
plugin = python3
http-socket = 127.0.0.1:$port
wsgi-file = /usr/bin/keystone-wsgi-public
env = OS_KEYSTONE_CONFIG_DIR=$K
processes = 2
threads = 1
master = true
die-on-term = true
lazy-apps = true
buffer-size = 65535
add-header = Connection: close
worker-reload-mercy = 5
reload-mercy = 5
static-map = /_zenith=$KSP_DIR/$h
pidfile = $KSP_DIR/run/$h.pid
daemonize = $LOGS/$h.log
EOF
    rm -f "$KSP_DIR/run/$h.pid"
    ksp_start "$h" || die_log "$h" "uwsgi did not start" "$LOGS/$h.log"
    hosts+="        $h: {backend_port: $port, uwsgi_ini: $KSP_DIR/$h.ini, uwsgi_pid: $KSP_DIR/run/$h.pid, health_file: $KSP_DIR/$h/health.html, version_file: $KSP_DIR/$h/version.txt}"$'\n'
    servers+="  server $h 127.0.0.1:$port check"$'\n'
  done
  # retries 0, no redispatch: a login sent to an instance that went away fails visibly, so only the draining
  # keeps the logins whole. A check may wait behind a slow Keystone request: timeout check 5 s, fall 2.
  cat > "$KSP_DIR/run/haproxy.cfg" <<CONF
global
  pidfile $KSP_DIR/run/haproxy.pid
  stats socket $KSP_DIR/run/haproxy.sock mode 600 level admin
  stats timeout 10s
defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  timeout check 5s
  retries 0
frontend keystone_public
  bind 127.0.0.1:$KSP_PORT
  default_backend keystone
backend keystone
  balance roundrobin
  option httpchk GET /_zenith/health.html
  http-check expect status 200
  default-server inter 1s fastinter 300ms downinter 1s fall 2 rise 2
$servers
listen stats
  bind 127.0.0.1:$KSP_STATS_PORT
  stats enable
  stats uri /stats
  stats refresh 1s
CONF
  haproxy -c -q -f "$KSP_DIR/run/haproxy.cfg" > "$LOGS/keystone-lb.log" 2>&1 || die_log keystone-lb "config check failed" "$LOGS/keystone-lb.log"
  haproxy -D -f "$KSP_DIR/run/haproxy.cfg" >> "$LOGS/keystone-lb.log" 2>&1 || die_log keystone-lb "did not start" "$LOGS/keystone-lb.log"
  for h in "${KSP_HOSTS[@]}"; do track "$h" "$KSP_DIR/run/$h.pid"; done
  track keystone-lb "$KSP_DIR/run/haproxy.pid"
  cat > "$KSP_DIR/inventory.yml" <<EOF
# Written by scripts/real-cloud/real-cloud.sh up: the keystone pool's uwsgi instances (all on this machine).
all:
  vars:
    ansible_connection: local
    ansible_python_interpreter: /usr/bin/python3
  children:
    keystone:
      hosts:
$hosts
EOF
}

keystone_pool_wait() {
  wait_until keystone-lb 90 "$LOGS/keystone-1.log" ksp_all_up
  wait_http keystone-lb "$KSP_URL" "200" 30 "$LOGS/keystone-lb.log"
  stamp keystone_pool
}

# rollouts_config: $DIR/rollouts.yaml with the lab's pool (from its pools.yaml, paths made absolute) and the keystone pool
rollouts_config() {
  $PY - "$RO_DIR/pools.yaml" "$DIR/rollouts.yaml" <<EOF || die_log rollouts "could not write $DIR/rollouts.yaml" "$LOGS/rollout-lab.log"
import os, sys, yaml
src, dst = sys.argv[1], sys.argv[2]
base = os.path.dirname(src)
ab = lambda p: p if os.path.isabs(p) else os.path.join(base, p)
lab = yaml.safe_load(open(src))["pools"]
for p in lab:
    p["inventory"] = ab(p["inventory"])
    if p["haproxy"].get("socket"): p["haproxy"]["socket"] = ab(p["haproxy"]["socket"])
keystone = {
    "name": "keystone",
    "description": "Keystone: 2 uwsgi instances behind HAProxy on 127.0.0.1:$KSP_PORT (the cloud's public identity endpoint)",
    "inventory": "$KSP_DIR/inventory.yml",
    "hosts": ["keystone-1", "keystone-2"],
    "haproxy": {"socket": "$KSP_DIR/run/haproxy.sock", "statsUrl": "$KSP_STATS_URL", "backend": "keystone"},
    "probeUrl": "$KSP_URL",
    "probeIntervalMs": 50,
    # a token request can take seconds on a loaded 2-core box: slow is not down (the lab keeps 2 s)
    "probeTimeoutMs": 15000,
    "healthFile": "{{ health_file }}",
    "update": {"tasks": "$RC_HERE/keystone-pool/restart.yml"},
    "minHealthy": 1,
    "waitTimeoutSeconds": 90,
}
with open(dst + ".tmp", "w") as f:
    f.write("# Written by scripts/real-cloud/real-cloud.sh: the pools of the real tier (ZENITH_ROLLOUTS_CONFIG)\n")
    yaml.safe_dump({"pools": lab + [keystone]}, f, sort_keys=False)
os.replace(dst + ".tmp", dst)
EOF
}
