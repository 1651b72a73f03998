# shellcheck shell=bash
# Rollout lab: 3 nginx backends (web1..web3 on 127.0.0.1:${WEB_PORTS[*]}), each serving /health.html and
# /version.txt from its own docroot, behind HAProxy (frontend 127.0.0.1:$LB_PORT, CSV stats on
# 127.0.0.1:$LB_STATS_PORT/stats;csv, runtime API socket at level admin). Plus the ansible inventory and
# ansible.cfg for scripts/real-cloud/rollout/rolling.yml (serial, drain via the health file) and its
# JSON-lines event callback.

HAPCTL=$RC_HERE/rollout/hapctl.py

rollout_up() {
  rm -rf "$RO_DIR"; mkdir -p "$RO_DIR"/{run,www,tmp,events}
  local i port d hosts=""
  for i in 1 2 3; do
    port=${WEB_PORTS[$((i-1))]}; d=$RO_DIR/www/web$i
    mkdir -p "$d" "$RO_DIR/tmp/web$i"
    echo OK > "$d/health.html"; echo "v1 web$i" > "$d/version.txt"
    cat > "$RO_DIR/run/nginx-web$i.conf" <<CONF
worker_processes 1;
daemon on;
pid $RO_DIR/run/nginx-web$i.pid;
error_log $LOGS/nginx-web$i.error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path $RO_DIR/tmp/web$i/body; proxy_temp_path $RO_DIR/tmp/web$i/proxy;
  fastcgi_temp_path $RO_DIR/tmp/web$i/fcgi; uwsgi_temp_path $RO_DIR/tmp/web$i/uwsgi; scgi_temp_path $RO_DIR/tmp/web$i/scgi;
  default_type text/plain;
  server {
    listen 127.0.0.1:$port;
    root $d;
    add_header X-Backend web$i always;
    location / { etag off; if_modified_since off; expires -1; }
  }
}
CONF
    nginx -e "$LOGS/nginx-web$i.error.log" -c "$RO_DIR/run/nginx-web$i.conf" \
      || die_log "web$i" "nginx did not start" "$LOGS/nginx-web$i.error.log"
    track "web$i" "$RO_DIR/run/nginx-web$i.pid"
    hosts+="        web$i: {backend_port: $port, docroot: $d, nginx_conf: $RO_DIR/run/nginx-web$i.conf, nginx_pid: $RO_DIR/run/nginx-web$i.pid, nginx_error_log: $LOGS/nginx-web$i.error.log}"$'\n'
  done
  # retries 0 and no redispatch: a request sent to a backend that went away fails visibly (the negative
  # control of a rollout without draining shows 503s)
  cat > "$RO_DIR/run/haproxy.cfg" <<CONF
global
  pidfile $RO_DIR/run/haproxy.pid
  stats socket $RO_DIR/run/haproxy.sock mode 600 level admin
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
  bind 127.0.0.1:$LB_STATS_PORT
  stats enable
  stats uri /stats
  stats refresh 1s
CONF
  haproxy -c -q -f "$RO_DIR/run/haproxy.cfg" > "$LOGS/haproxy.log" 2>&1 || die_log haproxy "config check failed" "$LOGS/haproxy.log"
  haproxy -D -f "$RO_DIR/run/haproxy.cfg" >> "$LOGS/haproxy.log" 2>&1 || die_log haproxy "did not start" "$LOGS/haproxy.log"
  track haproxy "$RO_DIR/run/haproxy.pid"

  cat > "$RO_DIR/inventory.yml" <<EOF
all:
  vars:
    ansible_connection: local
    ansible_python_interpreter: /usr/bin/python3
    haproxy_socket: $RO_DIR/run/haproxy.sock
    haproxy_backend: web
    haproxy_stats_url: "http://127.0.0.1:$LB_STATS_PORT/stats;csv"
    hapctl_py: $HAPCTL
  children:
    backends:
      hosts:
$hosts
EOF
  cat > "$RO_DIR/ansible.cfg" <<EOF
[defaults]
inventory = $RO_DIR/inventory.yml
callback_plugins = $RC_HERE/rollout/callback_plugins
callbacks_enabled = jsonl_events
host_key_checking = False
retry_files_enabled = False
interpreter_python = /usr/bin/python3
local_tmp = $RO_DIR/tmp/ansible
forks = 5
EOF
  wait_until haproxy 20 "$LOGS/haproxy.log" rollout_all_up
  stamp rollout_lab
}

rollout_all_up() { [ "$($PY "$HAPCTL" "$RO_DIR/run/haproxy.sock" status web web1 web2 web3 2>/dev/null)" = "UP UP UP" ]; }

# `real-cloud.sh rollout [EXTRA ANSIBLE ARGS]`: one rolling update under a bounded traffic loop.
# Prints playbook rc, requests sent through the frontend and how many were not 200.
rollout_run() {
  [ -f "$RO_DIR/inventory.yml" ] || { echo "real-cloud: rollout lab is not up (run up first)" >&2; return 1; }
  rollout_all_up || { echo "real-cloud: not all backends UP before the rollout" >&2; return 1; }
  local ts ev tl stop prc bad total version
  ts=$(date +%Y%m%d-%H%M%S); ev=$RO_DIR/events/rollout-$ts.jsonl; tl=$RO_DIR/events/traffic-$ts.log; stop=$RO_DIR/tmp/traffic.stop
  version=v$(( $(cat "$RO_DIR/version" 2>/dev/null || echo 1) + 1 )); echo "${version#v}" > "$RO_DIR/version"
  rm -f "$stop"; : > "$tl"
  ( end=$(( $(date +%s) + 120 )); n=0   # bounded: 120 s or 20000 requests, stops at $stop
    while [ ! -e "$stop" ] && [ $n -lt 20000 ] && [ "$(date +%s)" -lt $end ]; do
      echo "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://127.0.0.1:$LB_PORT/version.txt")" >> "$tl"; n=$((n+1))
    done ) &
  local tpid=$!
  sleep 0.5
  local t0; t0=$(date +%s.%N)
  prc=0
  ANSIBLE_CONFIG=$RO_DIR/ansible.cfg JSONL_EVENTS_PATH=$ev ANSIBLE_FORCE_COLOR=0 \
    ansible-playbook "$RC_HERE/rollout/rolling.yml" -e "deploy_version=$version" "$@" > "$LOGS/rollout-$ts.log" 2>&1 || prc=$?
  local secs; secs=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')
  sleep 0.5; touch "$stop"; wait "$tpid"
  total=$(wc -l < "$tl"); bad=$(grep -vcx 200 "$tl" || true)
  echo "rollout $version: playbook rc=$prc in $secs s; $total requests through the frontend, $bad not 200"
  echo "events: $ev ($(wc -l < "$ev") lines); log: $LOGS/rollout-$ts.log"
  $PY "$HAPCTL" "$RO_DIR/run/haproxy.sock" status web web1 web2 web3
  [ "$prc" = 0 ] || tail -n 20 "$LOGS/rollout-$ts.log"
  [ "$prc" = 0 ] && [ "$bad" = 0 ]
}
