#!/usr/bin/env bash
# Zenith's real-services tier: Ceph 16 + OpenStack Zed + the pools of Admin → Rollouts (the rollouts lab, and
# Keystone as two uwsgi instances behind HAProxy), from Debian 12 packages, all on 127.0.0.1, no systemd.
# State, logs and pids under ${ZENITH_REAL_DIR:-/tmp/zenith-real}.
#
#   real-cloud.sh install   apt-get only what is missing (dpkg-query first); no postinst starts a service
#   real-cloud.sh up        bring everything up (exits 0 at once when it is already up and healthy);
#                           writes endpoints.json, clouds.yaml (cloud zenith-real), adminrc, timings.txt,
#                           rollouts.yaml (ZENITH_ROLLOUTS_CONFIG: pools lab and keystone)
#   real-cloud.sh down      stop every process it started, by PID (SIGTERM, then SIGKILL after 30 s)
#   real-cloud.sh status    each service, its PID, alive/dead; exit 0 only if all are alive
#   real-cloud.sh keystone-pool  add the keystone pool to a tier that is up without it (new ports only; the
#                           keystone on :5000 is not touched), then rewrite rollouts.yaml and endpoints.json
#                           (idempotent; run it from the checkout whose playbooks rollouts.yaml should name)
#
# Environment:
#   ZENITH_REAL_DIR         state dir (default /tmp/zenith-real)
#   ZENITH_ADMIN_PASSWORD   keystone admin (default zenith-admin); ZENITH_DEMO_PASSWORD demo (zenith-demo)
#   NOVA_BDA_RETRIES        nova block_device_allocate_retries (default 4; upstream 60)
#   NOVA_BDA_INTERVAL       nova block_device_allocate_retries_interval in s (default 1; upstream 3)
#                           The short default makes a boot-from-volume of the qcow2 image really time out
#                           ("did not finish being created even after we waited ..."), while the raw image
#                           (an RBD clone) still boots. Pass NOVA_BDA_RETRIES=60 NOVA_BDA_INTERVAL=3 for upstream.
#   ZENITH_REAL_RAW_MB      size of image zenith-raw (default 128); ZENITH_REAL_QCOW2_MB virtual size and
#                           random data of zenith-qcow2 (default 768: its copy, ~9 s quiet, clearly outlasts the 4 × 1 s wait, while a raw clone takes ~1 s)
#   ZENITH_REAL_DEBUG=true  debug logs for glance/neutron/cinder/nova
#   ZENITH_REAL_KEEP_ON_FAILURE=1  leave the processes running when `up` fails (default: stop them)
set -Eeuo pipefail
RC_HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
. "$RC_HERE/lib.sh"
. "$RC_HERE/install.sh"
. "$RC_HERE/ceph.sh"
. "$RC_HERE/openstack.sh"
. "$RC_HERE/rollouts.sh"
trap 'echo "real-cloud: command failed (${BASH_SOURCE[0]##*/}:$LINENO): $BASH_COMMAND" >&2' ERR

export ZENITH_REAL_DIR=$DIR KS_URL REGION ADMIN_PASSWORD DEMO_PASSWORD SERVICE_PASSWORD CEPH_DASHBOARD_PASSWORD \
  NOVA_BDA_RETRIES NOVA_BDA_INTERVAL NOOP_DHCP_AGENTS KSP_URL
export DASH_URL=http://127.0.0.1:$DASH_PORT KSP_STATS_URL
RAW_MB=${ZENITH_REAL_RAW_MB:-128}
QCOW2_MB=${ZENITH_REAL_QCOW2_MB:-768}

# ------------------------------------------------------------------ status
# names in start order; `status` prints them, returns 0 only when every one is alive (a pool backend that a
# rollout has drained, health file removed, counts: the rollout is restarting it)
cmd_status() {
  local quiet=${1:-} n p all=0 count=0
  [ -s "$PIDS/ORDER" ] || { [ -n "$quiet" ] || echo "real-cloud: nothing started (no $PIDS/ORDER)"; return 1; }
  while read -r n; do
    count=$((count+1)); p=$(pid_of "$n")
    if [ -n "$p" ]; then
      [ -n "$quiet" ] || printf '%-18s %8s  alive\n' "$n" "$p"
    elif rollout_draining "$n"; then
      [ -n "$quiet" ] || printf '%-18s %8s  drained by a rollout (restarting)\n' "$n" -
    else
      all=1; [ -n "$quiet" ] || printf '%-18s %8s  dead\n' "$n" "$(cat "$PIDS/$n.pid" 2>/dev/null || echo -)"
    fi
  done < "$PIDS/ORDER"
  if [ -z "$quiet" ]; then
    [ $all = 0 ] && echo "real-cloud: all $count services alive" || echo "real-cloud: some services are dead"
    [ -f "$DIR/UP" ] || echo "real-cloud: bring-up did not finish (no $DIR/UP)"
  fi
  [ $all = 0 ] && [ -f "$DIR/UP" ]
}

# ------------------------------------------------------------------ down
# stop_names NAME...: SIGTERM each process group (each was started in its own session), wait up to
# 30 s, then SIGKILL whatever is left
stop_names() {
  local n p g pids=() i left
  for n in "$@"; do
    p=$(pid_of "$n"); [ -n "$p" ] || continue
    g=$(ps -o pgid= -p "$p" | tr -d ' ')
    if [ "$g" = "$p" ]; then kill -TERM -- "-$p" 2>/dev/null || true; else kill -TERM "$p" 2>/dev/null || true; fi
    pids+=("$p")
  done
  [ ${#pids[@]} -gt 0 ] || return 0
  for i in $(seq 1 60); do
    left=0; for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && left=1; done
    [ $left = 0 ] && break; sleep 0.5
  done
  for p in "${pids[@]}"; do
    if kill -0 "$p" 2>/dev/null; then
      echo "real-cloud: SIGKILL $p ($(tr '\0' ' ' < "/proc/$p/cmdline" 2>/dev/null | cut -c1-80))"
      kill -KILL -- "-$p" 2>/dev/null || kill -KILL "$p" 2>/dev/null || true
    fi
  done
}

# processes left over by our daemons (e.g. privsep helpers under sudo) carry one of our config paths on
# their command line; list them by PID
leftover_pids() {
  local p
  for p in $(pgrep -f -- "$DIR/(os|ceph|rollout)/" || true); do
    [ "$p" = $$ ] || [ "$p" = "$BASHPID" ] && continue
    grep -qaE -- "$DIR/(os|ceph|rollout)/" "/proc/$p/cmdline" 2>/dev/null && echo "$p"
  done
  return 0
}

cmd_down() {
  local t; t=$(date +%s)
  rm -f "$DIR/UP"
  if [ -s "$PIDS/ORDER" ]; then
    local os=() n
    while read -r n; do
      case "$n" in ceph-*|web*|haproxy|mariadb|rabbitmq|epmd) ;; *) os+=("$n") ;; esac
    done < <(tac "$PIDS/ORDER")
    [ ${#os[@]} -eq 0 ] || stop_names "${os[@]}"
    stop_names haproxy web1 web2 web3
    stop_names mariadb rabbitmq
    stop_names epmd
    stop_names ceph-osd ceph-mgr
    stop_names ceph-mon
  fi
  # a real dnsmasq DHCP agent would have made qdhcp-<net> namespaces; the no-op agents make none
  local d
  for d in "$OS_DIR"/neutron/dhcp-*/dhcp/*/; do
    [ -d "$d" ] && ip netns delete "qdhcp-$(basename "$d")" 2>/dev/null || true
  done
  # krbd mappings of this cluster (none are made by the scripts, but tests might)
  local fsid dev; fsid=$(cat "$CEPH_DIR/fsid" 2>/dev/null || true)
  if [ -n "$fsid" ] && [ -d /sys/bus/rbd/devices ]; then
    for dev in /sys/bus/rbd/devices/*; do
      [ -e "$dev/cluster_fsid" ] && [ "$(cat "$dev/cluster_fsid")" = "$fsid" ] && rbd unmap -o force "/dev/rbd$(basename "$dev")" || true
    done
  fi
  local left; left=$(leftover_pids)
  if [ -n "$left" ]; then
    echo "real-cloud: stopping leftovers: $left"
    # shellcheck disable=SC2086
    kill -TERM $left 2>/dev/null || true; sleep 2
    left=$(leftover_pids); [ -z "$left" ] || kill -KILL $left 2>/dev/null || true
  fi
  rm -f "$PIDS"/*.pid "$PIDS"/*.start "$PIDS/ORDER"
  left=$(leftover_pids)
  [ -z "$left" ] || { echo "real-cloud: STILL RUNNING:"; ps -o pid,args -p "$left"; return 1; }
  echo "real-cloud: down in $(( $(date +%s) - t )) s; nothing left running"
}

# ------------------------------------------------------------------ up
make_images() {
  mkdir -p "$DIR/cache"
  local raw=$DIR/cache/zenith-raw-${RAW_MB}M.raw q=$DIR/cache/zenith-qcow2-${QCOW2_MB}M.qcow2
  [ -s "$raw" ] || { head -c "${RAW_MB}M" /dev/urandom > "$raw.tmp" && mv "$raw.tmp" "$raw"; }
  if [ ! -s "$q" ]; then   # random data, so qemu-img convert + rbd import move real bytes
    head -c "${QCOW2_MB}M" /dev/urandom > "$q.raw"
    qemu-img convert -f raw -O qcow2 "$q.raw" "$q.tmp" && mv "$q.tmp" "$q"; rm -f "$q.raw"
  fi
  echo "$raw $q" > "$DIR/cache/current"
}

# fast path for `up`: everything we started is alive and the APIs answer
healthy() { cmd_status quiet && [ -f "$DIR/endpoints.json" ] && $PY "$RC_HERE/cloudctl.py" health >/dev/null 2>&1; }

# wait_migrated SERVICE: its schema migration (background job $DB_BG) is done
wait_migrated() {
  local end=$(( $(date +%s) + 300 ))
  while [ ! -e "$OS_DIR/migrated.$1" ]; do
    kill -0 "$DB_BG" 2>/dev/null || [ -e "$OS_DIR/migrated.$1" ] || die_log "$1" "database migration failed" "$LOGS/db-migrations.log"
    [ "$(date +%s)" -lt $end ] || die_log "$1" "database migration not done within 300 s" "$LOGS/db-migrations.log"
    sleep 0.3
  done
}

# every port we bind must be free before we start (a second cloud, or a system mariadb/rabbitmq/nginx)
check_ports() {
  local p busy=()
  for p in $KEYSTONE_PORT $GLANCE_PORT $NEUTRON_PORT $CINDER_PORT $PLACEMENT_PORT $NOVA_PORT $MYSQL_PORT \
           $RABBIT_PORT $RABBIT_DIST_PORT 4369 $MON_PORT_V2 $MON_PORT_V1 $DASH_PORT "${LB_PORTS[@]}" \
           $KSP_PORT $KSP_STATS_PORT "${KSP_BACKEND_PORTS[@]}"; do
    tcp_open "$p" && busy+=("$p ($(ss -Hltnp "sport = :$p" 2>/dev/null | grep -o 'users:.*' | head -1))")
  done
  [ ${#busy[@]} -eq 0 ] && return 0
  echo "real-cloud: ports already in use on 127.0.0.1: ${busy[*]}" >&2
  echo "real-cloud: another real cloud (other ZENITH_REAL_DIR?) or a system service holds them; stop it first" >&2
  exit 1
}

wait_ceph_ready() {
  local end=$(( $(date +%s) + 180 ))
  while [ ! -e "$CEPH_DIR/READY" ]; do
    kill -0 "$CEPH_BG" 2>/dev/null || die_log ceph "bring-up failed" "$LOGS/ceph-up.log"
    [ "$(date +%s)" -lt $end ] || die_log ceph "not ready within 180 s" "$LOGS/ceph-up.log"
    sleep 0.5
  done
  stamp ceph_ready_seen_by_glance
}

write_adminrc() {
  cat > "$DIR/adminrc" <<EOF
# source me: admin credentials for the Zenith real cloud ($DIR)
export OS_AUTH_URL=$KS_URL OS_USERNAME=admin OS_PASSWORD='$ADMIN_PASSWORD' OS_PROJECT_NAME=admin
export OS_USER_DOMAIN_NAME=Default OS_PROJECT_DOMAIN_NAME=Default OS_IDENTITY_API_VERSION=3
export OS_REGION_NAME=$REGION OS_INTERFACE=public
export CEPH_CONF=$CEPH_DIR/ceph.conf
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
EOF
}

on_up_failure() {
  local rc=$?
  [ $rc = 0 ] && return
  local j; for j in $(jobs -p); do kill "$j" 2>/dev/null || true; done   # ceph/image background steps
  wait 2>/dev/null || true
  echo "real-cloud: up FAILED (rc $rc); logs in $LOGS; timings so far:" >&2
  cat "$DIR/timings.txt" >&2 2>/dev/null || true
  if [ "${ZENITH_REAL_KEEP_ON_FAILURE:-0}" != 1 ]; then
    echo "real-cloud: stopping what was started (ZENITH_REAL_KEEP_ON_FAILURE=1 keeps it)" >&2
    cmd_down >&2 || true
  fi
}

cmd_up() {
  if healthy; then
    echo "real-cloud: already up and healthy ($DIR/endpoints.json)"; return 0
  fi
  T0=$(date +%s.%N)
  installed_ok || install_pkgs
  extract_common_debs
  if [ -s "$PIDS/ORDER" ] || [ -n "$(leftover_pids)" ]; then log "stopping a previous, unhealthy bring-up"; cmd_down; fi
  check_ports
  # fresh state; keep the package unpack, the image cache and the previous run's logs
  if [ -d "$LOGS" ] && [ -n "$(ls -A "$LOGS" 2>/dev/null | grep -vx previous)" ]; then
    rm -rf "$LOGS.previous"; mkdir -p "$LOGS.previous"
    find "$LOGS" -mindepth 1 -maxdepth 1 ! -name previous -exec mv {} "$LOGS.previous/" \;
    rm -rf "$LOGS/previous"; mv "$LOGS.previous" "$LOGS/previous"
  fi
  rm -rf "$CEPH_DIR" "$OS_DIR" "$RO_DIR" "$PIDS" "$DIR"/{endpoints.json,rollouts.yaml,clouds.yaml,adminrc,seed.json,seed-images.json,contract-results.json,UP}
  mkdir -p "$LOGS" "$PIDS" "$OS_DIR"
  : > "$DIR/timings.txt"
  trap on_up_failure EXIT
  log "real-cloud up: state in $DIR"

  ( set +e; make_images > "$LOGS/make-images.log" 2>&1 ) &
  local img_bg=$!
  ( ceph_up ) > "$LOGS/ceph-up.log" 2>&1 &
  CEPH_BG=$!
  rollout_lab_up
  infra_start
  glance_configure; neutron_configure; cinder_configure; nova_configure
  # schema migrations (~30 s of CPU) run while keystone bootstraps; each service waits for its own
  ( glance_dbsync; touch "$OS_DIR/migrated.glance"
    infra_wait
    ( neutron_dbsync; touch "$OS_DIR/migrated.neutron"; stamp neutron_db ) & local n_bg=$!
    ( nova_dbsync; touch "$OS_DIR/migrated.nova"; stamp nova_db ) & local v_bg=$!
    cinder_dbsync; touch "$OS_DIR/migrated.cinder"; stamp cinder_db
    wait $n_bg && wait $v_bg; stamp db_migrations ) > "$LOGS/db-migrations.log" 2>&1 &
  DB_BG=$!
  keystone_up
  keystone_pool_up
  write_adminrc
  wait_migrated neutron; neutron_start
  wait_migrated cinder; cinder_start
  wait_ceph_ready; wait_migrated glance; glance_up
  neutron_agents_start
  wait_migrated nova; nova_start
  wait "$DB_BG" || die_log db-migrations "failed" "$LOGS/db-migrations.log"
  wait "$img_bg" || true
  [ -s "$DIR/cache/current" ] || die_log images "could not make the test images" "$LOGS/make-images.log"
  # shellcheck disable=SC2046
  ( $PY "$RC_HERE/cloudctl.py" seed-images $(cat "$DIR/cache/current") && stamp seed_images ) > "$LOGS/seed-images.log" 2>&1 &
  local seed_bg=$!
  cinder_wait
  neutron_agents_wait
  nova_wait
  wait "$seed_bg" || die_log seed "uploading the images zenith-raw/zenith-qcow2 failed" "$LOGS/seed-images.log"
  $PY "$RC_HERE/cloudctl.py" seed > "$LOGS/seed.log" 2>&1 || die_log seed "seeding flavors/network failed" "$LOGS/seed.log"
  stamp seed
  wait "$CEPH_BG" || die_log ceph "bring-up failed" "$LOGS/ceph-up.log"
  [ -f "$CEPH_DIR/UP" ] || die_log ceph "dashboard bring-up did not finish" "$LOGS/ceph-up.log"
  keystone_pool_wait
  rollouts_config
  $PY "$RC_HERE/cloudctl.py" endpoints > "$LOGS/endpoints.log" 2>&1 || die_log endpoints "could not write endpoints.json" "$LOGS/endpoints.log"
  touch "$DIR/UP"
  stamp all_up
  trap - EXIT
  cmd_status quiet || { cmd_status; die_log status "a service died during bring-up" "$LOGS/ceph-up.log"; }
  echo "---- timings (seconds since start of up) ----"; sort -k2 -n "$DIR/timings.txt"
  echo "---- free -m ----"; free -m | head -2
  echo "real-cloud: up. endpoints: $DIR/endpoints.json; source $DIR/adminrc; clouds.yaml cloud 'zenith-real'"
}

# the keystone pool on a tier brought up before it existed: additive (new ports, new processes), idempotent
cmd_keystone_pool() {
  [ -f "$DIR/UP" ] && [ -f "$DIR/seed.json" ] || { echo "real-cloud: the tier is not up (run up)" >&2; exit 1; }
  if ! { alive keystone-lb && alive keystone-1 && alive keystone-2 && ksp_all_up; }; then
    stop_names keystone-lb keystone-1 keystone-2
    local p; for p in $KSP_PORT $KSP_STATS_PORT "${KSP_BACKEND_PORTS[@]}"; do
      tcp_open "$p" && { echo "real-cloud: port $p is in use by something else" >&2; exit 1; }
    done
    keystone_pool_up
    keystone_pool_wait
  fi
  # the lab's pools.yaml names its update by absolute path: (re)make it when another checkout wrote it
  grep -qF "$ROOT_DIR/" "$RO_DIR/pools.yaml" 2>/dev/null || rollout_lab_up
  rollouts_config
  $PY "$RC_HERE/cloudctl.py" endpoints > "$LOGS/endpoints.log" 2>&1 || die_log endpoints "could not write endpoints.json" "$LOGS/endpoints.log"
  echo "real-cloud: keystone pool up: $KSP_URL (keystone-1, keystone-2); $DIR/rollouts.yaml"
}

case "${1:-}" in
  install) T0=$(date +%s.%N); install_pkgs ;;
  up) cmd_up ;;
  down) cmd_down ;;
  status) rc=0; cmd_status || rc=$?; exit $rc ;;
  keystone-pool) cmd_keystone_pool ;;
  *) echo "usage: $0 install|up|down|status|keystone-pool"; exit 2 ;;
esac
