#!/usr/bin/env bash
# The local rollout lab for `npm start` and the tests: HAProxy (frontend, CSV stats, runtime socket at level
# admin) in front of 3 nginx backends on 127.0.0.1, each health-checked on its own /health.html, plus an
# Ansible inventory and a Zenith pool configuration (pools.yaml) for ZENITH_ROLLOUTS_CONFIG.
#
#   scripts/rollout-lab.sh up      [DIR]   (re)start the lab; prints the pools.yaml path on the last line
#   scripts/rollout-lab.sh down    [DIR]   stop it (by the PIDs in its pid files)
#   scripts/rollout-lab.sh status  [DIR]   print each backend's HAProxy status
#
# Env: ZENITH_ROLLOUT_LAB_DIR (default .data/rollout-lab), ZENITH_ROLLOUT_LAB_PORT (frontend port, default
# 18600; stats +1, web1..web3 +2..+4). Missing haproxy/nginx/ansible-playbook: installed with apt-get when
# run as root on Debian, otherwise named (exit 3).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OP=${1:-up}
DIR=$(realpath -m "${2:-${ZENITH_ROLLOUT_LAB_DIR:-$ROOT/.data/rollout-lab}}")
BASE=${ZENITH_ROLLOUT_LAB_PORT:-18600}
LB_PORT=$BASE; STATS_PORT=$((BASE + 1)); WEB_PORTS=($((BASE + 2)) $((BASE + 3)) $((BASE + 4)))
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
HAPROXY=$(command -v haproxy || echo /usr/sbin/haproxy)

say() { echo "rollout-lab: $*" >&2; }

missing_packages() {
  local m=()
  [ -x "$HAPROXY" ] || m+=(haproxy)
  [ -x "$NGINX" ] || m+=(nginx-light)
  command -v ansible-playbook > /dev/null || m+=(ansible-core)
  echo "${m[@]:-}"
}

ensure_packages() {
  local m; m=$(missing_packages)
  [ -z "$m" ] && return 0
  if [ "$(id -u)" = 0 ] && [ -f /etc/debian_version ] && command -v apt-get > /dev/null; then
    say "installing $m with apt-get (Debian, running as root)"
    # policy-rc.d keeps the packaged services (nginx on :80, haproxy) from starting
    local prc=/usr/sbin/policy-rc.d created=""
    [ -e $prc ] || { printf '#!/bin/sh\nexit 101\n' > $prc; chmod +x $prc; created=1; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $m > "$DIR.apt.log" 2>&1 \
      || { [ -n "$created" ] && rm -f $prc; say "apt-get install $m failed (log: $DIR.apt.log)"; exit 3; }
    [ -n "$created" ] && rm -f $prc
    NGINX=$(command -v nginx || echo /usr/sbin/nginx); HAPROXY=$(command -v haproxy || echo /usr/sbin/haproxy)
    return 0
  fi
  say "missing: $m. Install them with: sudo apt-get install $m"
  exit 3
}

stop_pidfile() {
  local f=$1 pid i
  [ -f "$f" ] || return 0
  pid=$(cat "$f" 2>/dev/null || true)
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || { rm -f "$f"; return 0; }
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$f"
}

lab_down() {
  stop_pidfile "$DIR/run/haproxy.pid"
  for i in 1 2 3; do stop_pidfile "$DIR/run/nginx-web$i.pid"; done
}

lab_status() {
  /usr/bin/python3 "$ROOT/rollouts/hapctl.py" --socket "$DIR/run/haproxy.sock" status web web1 web2 web3
}

lab_up() {
  ensure_packages
  mkdir -p "$DIR"
  lab_down
  rm -rf "$DIR/run" "$DIR/www" "$DIR/tmp" "$DIR/logs"
  mkdir -p "$DIR"/{run,www,tmp,logs}
  # nginx workers run as another user when started by root: the docroots must be readable by it
  chmod a+rx "$DIR" "$DIR/www"
  trap 'lab_down' EXIT
  local i port d hosts=""
  for i in 1 2 3; do
    port=${WEB_PORTS[$((i - 1))]}; d=$DIR/www/web$i
    mkdir -p "$d" "$DIR/tmp/web$i"
    echo OK > "$d/health.html"; echo "v1 web$i" > "$d/version.txt"
    cat > "$DIR/run/nginx-web$i.conf" <<CONF
worker_processes 1;
daemon on;
pid $DIR/run/nginx-web$i.pid;
error_log $DIR/logs/nginx-web$i.error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path $DIR/tmp/web$i/body; proxy_temp_path $DIR/tmp/web$i/proxy;
  fastcgi_temp_path $DIR/tmp/web$i/fcgi; uwsgi_temp_path $DIR/tmp/web$i/uwsgi; scgi_temp_path $DIR/tmp/web$i/scgi;
  default_type text/plain;
  server {
    listen 127.0.0.1:$port;
    root $d;
    add_header X-Backend web$i always;
    location / { etag off; if_modified_since off; expires -1; }
  }
}
CONF
    "$NGINX" -e "$DIR/logs/nginx-web$i.error.log" -c "$DIR/run/nginx-web$i.conf" \
      || { say "nginx web$i did not start:"; tail -n 5 "$DIR/logs/nginx-web$i.error.log" >&2; exit 1; }
    hosts+="        web$i: {backend_port: $port, docroot: $d, nginx_conf: $DIR/run/nginx-web$i.conf, nginx_pid: $DIR/run/nginx-web$i.pid, nginx_error_log: $DIR/logs/nginx-web$i.error.log}"$'\n'
  done
  # retries 0 and no redispatch: a request sent to a backend that went away fails visibly, so a rollout
  # without draining shows 503s in the traffic probe
  cat > "$DIR/run/haproxy.cfg" <<CONF
global
  pidfile $DIR/run/haproxy.pid
  stats socket $DIR/run/haproxy.sock mode 600 level admin
  stats timeout 10s
defaults
  mode http
  timeout connect 1s
  timeout client 5s
  timeout server 5s
  retries 0
frontend fe
  bind 127.0.0.1:$LB_PORT
  default_backend web
backend web
  balance roundrobin
  option httpchk GET /health.html
  http-check expect status 200
  default-server inter 500ms fastinter 200ms downinter 500ms fall 2 rise 2
  server web1 127.0.0.1:${WEB_PORTS[0]} check
  server web2 127.0.0.1:${WEB_PORTS[1]} check
  server web3 127.0.0.1:${WEB_PORTS[2]} check
listen stats
  bind 127.0.0.1:$STATS_PORT
  stats enable
  stats uri /stats
  stats refresh 1s
CONF
  "$HAPROXY" -c -q -f "$DIR/run/haproxy.cfg" > "$DIR/logs/haproxy.log" 2>&1 || { say "haproxy config check failed"; cat "$DIR/logs/haproxy.log" >&2; exit 1; }
  "$HAPROXY" -D -f "$DIR/run/haproxy.cfg" >> "$DIR/logs/haproxy.log" 2>&1 || { say "haproxy did not start"; cat "$DIR/logs/haproxy.log" >&2; exit 1; }

  cat > "$DIR/inventory.yml" <<INV
all:
  vars:
    ansible_connection: local
    ansible_python_interpreter: /usr/bin/python3
  children:
    backends:
      hosts:
$hosts
INV
  cat > "$DIR/pools.yaml" <<YAML
# Written by scripts/rollout-lab.sh: the local lab pool (HAProxy 127.0.0.1:$LB_PORT, 3 nginx backends).
pools:
  - name: lab
    description: "Local lab: HAProxy on 127.0.0.1:$LB_PORT in front of 3 nginx backends"
    inventory: inventory.yml
    hosts: [web1, web2, web3]
    haproxy:
      socket: run/haproxy.sock
      statsUrl: "http://127.0.0.1:$STATS_PORT/stats;csv"
      backend: web
    probeUrl: "http://127.0.0.1:$LB_PORT/version.txt"
    healthFile: "{{ docroot }}/health.html"
    update:
      tasks: $ROOT/rollouts/lab/update-nginx.yml
    minHealthy: 2
YAML
  local n
  for ((n = 0; n < 100; n++)); do
    [ "$(lab_status 2>/dev/null || true)" = "UP UP UP" ] && { trap - EXIT; say "up: frontend http://127.0.0.1:$LB_PORT, backends ${WEB_PORTS[*]}"; echo "$DIR/pools.yaml"; return 0; }
    sleep 0.2
  done
  say "the backends did not all come UP within 20 s: $(lab_status 2>&1)"; exit 1
}

case "$OP" in
  up) lab_up ;;
  down) lab_down ;;
  status) lab_status ;;
  *) echo "usage: $0 up|down|status [DIR]" >&2; exit 2 ;;
esac
