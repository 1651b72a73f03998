# shellcheck shell=bash
# Shared settings and helpers for scripts/real-cloud/*.sh (sourced, never run).
#
# Everything the real-services tier creates lives under $ZENITH_REAL_DIR:
#   ceph/         cluster data, keyrings, ceph.conf (admin) and ceph-client.conf (services)
#   os/           OpenStack service configs and sqlite/mariadb/rabbitmq data
#   rollout/      the rollouts lab (scripts/rollout-lab.sh: nginx docroots, haproxy config/socket, inventory, pools.yaml)
#   os/keystone-pool/  the keystone pool: 2 uwsgi instances (ini, pid, health file), their HAProxy, inventory
#   rollouts.yaml the pools Zenith's Admin → Rollouts runs on this tier (ZENITH_ROLLOUTS_CONFIG): lab, keystone
#   pkgs/         console scripts and paste files extracted from Debian's *-common .debs (kept across down/up)
#   cache/        generated test images (kept across down/up)
#   logs/         every log; logs/previous/ holds the logs of the run before
#   pids/         NAME.pid per process we started (symlinks for daemons that write their own pid file)
#   endpoints.json clouds.yaml adminrc timings.txt
# Every server listens on 127.0.0.1 only.

export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin   # /usr/bin/python3, never pyenv's
export DEBIAN_FRONTEND=noninteractive
unset PYTHONPATH PYTHONHOME VIRTUAL_ENV

RC_HERE=${RC_HERE:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)}
DIR=${ZENITH_REAL_DIR:-/tmp/zenith-real}
mkdir -p "$DIR" && DIR=$(cd "$DIR" && pwd)
CEPH_DIR=$DIR/ceph
OS_DIR=$DIR/os
RO_DIR=$DIR/rollout
PKGS=$DIR/pkgs
BIN=$PKGS/root/usr/bin               # glance-api, neutron-*, nova-*, cinder-manage ... from the *-common debs
LOGS=$DIR/logs
PIDS=$DIR/pids
PY=/usr/bin/python3
APT=(apt-get -o DPkg::Lock::Timeout=900 -o Dpkg::Use-Pty=0)

# ---- identity (the same as the embedded sim) ----
ADMIN_PASSWORD=${ZENITH_ADMIN_PASSWORD:-zenith-admin}
DEMO_PASSWORD=${ZENITH_DEMO_PASSWORD:-zenith-demo}
SERVICE_PASSWORD=${ZENITH_SERVICE_PASSWORD:-zenith-service}
CEPH_DASHBOARD_PASSWORD=${ZENITH_CEPH_DASHBOARD_PASSWORD:-Zenith-Ceph-Adm1n}
REGION=RegionOne

# ---- Nova's wait for a boot volume (short on purpose: a qcow2 boot-from-volume really times out) ----
NOVA_BDA_RETRIES=${NOVA_BDA_RETRIES:-4}
NOVA_BDA_INTERVAL=${NOVA_BDA_INTERVAL:-1}

# ---- ports (all on 127.0.0.1) ----
KEYSTONE_PORT=5000; GLANCE_PORT=9292; NEUTRON_PORT=9696; CINDER_PORT=8776; PLACEMENT_PORT=8778; NOVA_PORT=8774
MYSQL_PORT=${ZENITH_REAL_MYSQL_PORT:-13306}
RABBIT_PORT=5672; RABBIT_DIST_PORT=25672
MON_PORT_V2=3300; MON_PORT_V1=6789
DASH_PORT=${ZENITH_REAL_DASHBOARD_PORT:-18480}
# the rollouts lab (scripts/rollout-lab.sh): frontend LB_PORT, stats +1, web1..web3 +2..+4
LB_PORT=18490; LB_PORTS=(18490 18491 18492 18493 18494)
# the keystone pool (the kolla way): HAProxy frontend KSP_PORT (Zenith's auth URL), stats, keystone-1/-2 (uwsgi)
KSP_PORT=15000; KSP_STATS_PORT=15001; KSP_BACKEND_PORTS=(15002 15003)
NOOP_DHCP_AGENTS=${ZENITH_REAL_DHCP_AGENTS:-4}

RABBIT_URL="rabbit://guest:guest@127.0.0.1:$RABBIT_PORT/"
MYSQL_URL="mysql+pymysql://zenith:zenith@127.0.0.1:$MYSQL_PORT"
KS_URL=http://127.0.0.1:$KEYSTONE_PORT/v3            # the services' own keystone (keystone_authtoken, bootstrap)
KSP_URL=http://127.0.0.1:$KSP_PORT/v3                # the public identity endpoint: HAProxy in front of the keystone pool
KSP_STATS_URL="http://127.0.0.1:$KSP_STATS_PORT/stats;csv"

T0=${T0:-$(date +%s.%N)}; export T0

# ---- output ----
elapsed() { awk -v a="$T0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}'; }
log() { echo "[$(elapsed)s] $*"; }
# stamp NAME: record "NAME seconds-since-start" in timings.txt
stamp() { echo "$1 $(elapsed)" >> "$DIR/timings.txt"; log "== $1"; }
# die_log NAME MESSAGE [LOGFILE]: say which service failed, show the tail of its log, exit 1
die_log() {
  local name=$1 msg=$2 f=${3:-$LOGS/$1.log}
  echo "real-cloud: $name $msg; see $f" >&2
  if [ -f "$f" ]; then echo "---- last 40 lines of $f ----" >&2; tail -n 40 "$f" >&2; echo "----" >&2; fi
  exit 1
}

# ---- processes ----
# start NAME CMD...: run CMD in the background in its own session (so its whole process group can be
# stopped by PID later), stdout/stderr to logs/NAME.out, PID to pids/NAME.pid (+ its start time, so a
# recycled PID from an old state dir is never mistaken for ours), order to pids/ORDER.
start() {
  local name=$1; shift
  setsid nohup "$@" > "$LOGS/$name.out" 2>&1 < /dev/null &
  echo $! > "$PIDS/$name.pid"; echo "$name" >> "$PIDS/ORDER"
  proc_start $! > "$PIDS/$name.start" || true
}
# track NAME PIDFILE: a daemon that writes its own pid file (nginx, haproxy): pids/NAME.pid -> PIDFILE
track() { ln -sfn "$2" "$PIDS/$1.pid"; grep -qx "$1" "$PIDS/ORDER" 2>/dev/null || echo "$1" >> "$PIDS/ORDER"; }
proc_start() { sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | awk '{print $20}'; }   # field 22: start time
# pid_of NAME: the PID if that process is still the one we started, else nothing
pid_of() {
  local p; p=$(cat "$PIDS/$1.pid" 2>/dev/null) || return 0
  [ -n "$p" ] && kill -0 "$p" 2>/dev/null || return 0
  if [ -f "$PIDS/$1.start" ]; then
    [ "$(proc_start "$p")" = "$(cat "$PIDS/$1.start")" ] && echo "$p"
  else   # tracked daemons are restarted by others (the rollout playbook): check it is one of ours
    grep -qa -- "$DIR/" "/proc/$p/cmdline" 2>/dev/null && echo "$p"
  fi
  return 0
}
alive() { [ -n "$(pid_of "$1")" ]; }

# ---- bounded waits ----
# wait_until NAME TIMEOUT_S LOGFILE CMD...: poll CMD every 0.5 s; on timeout die naming NAME.
# Also dies early when NAME's process is gone.
wait_until() {
  local name=$1 timeout=$2 logf=$3; shift 3
  local end; end=$(( $(date +%s) + timeout ))
  while [ "$(date +%s)" -lt "$end" ]; do
    "$@" >/dev/null 2>&1 && return 0
    if [ -f "$PIDS/$name.pid" ] && ! alive "$name"; then die_log "$name" "exited during start-up" "$logf"; fi
    sleep 0.5
  done
  die_log "$name" "did not become ready within $timeout s" "$logf"
}
http_code_in() { # http_code_in URL "200 300"
  local c; c=$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$1" || true); [[ " $2 " == *" $c "* ]]
}
tcp_open() { (echo > "/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_http() { # wait_http NAME URL "CODES" TIMEOUT [LOGFILE]
  wait_until "$1" "$4" "${5:-$LOGS/$1.log}" http_code_in "$2" "$3"
}

# ksauth SECTION USER: a keystone_authtoken-style block for a service user in project "service"
ksauth() {
  cat <<EOF
[$1]
www_authenticate_uri = http://127.0.0.1:$KEYSTONE_PORT
auth_url = http://127.0.0.1:$KEYSTONE_PORT
auth_type = password
project_domain_name = Default
user_domain_name = Default
project_name = service
username = $2
password = $SERVICE_PASSWORD
region_name = $REGION
EOF
}
POLICY=$'[oslo_policy]\nenforce_new_defaults = false\nenforce_scope = false\n'

admin_env() {
  export OS_AUTH_URL=$KS_URL OS_USERNAME=admin OS_PASSWORD=$ADMIN_PASSWORD OS_PROJECT_NAME=admin \
    OS_USER_DOMAIN_NAME=Default OS_PROJECT_DOMAIN_NAME=Default OS_IDENTITY_API_VERSION=3 \
    OS_REGION_NAME=$REGION OS_INTERFACE=public
}
