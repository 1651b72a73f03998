# shellcheck shell=bash
# Ceph 16 (Debian 12): 1 mon, 1 mgr (dashboard on 127.0.0.1:$DASH_PORT, plain HTTP), 1 bluestore OSD on a
# sparse file, pools images/volumes/vms (size 1, application rbd), cephx users client.glance + client.cinder.
# Daemons run in the foreground (-f) under `start`, so their PIDs are ours; logs in $LOGS/ceph-*.log.
# Ready marker: $CEPH_DIR/READY (Glance waits for it). Run as `ceph_up` (bring-up runs it in the background).

CEPH_CONF_ADMIN=$CEPH_DIR/ceph.conf          # admin view (client.admin keyring)
CEPH_CONF_CLIENT=$CEPH_DIR/ceph-client.conf  # what glance/cinder/nova use (keyring per client name)
OSD_BYTES=${ZENITH_REAL_OSD_BYTES:-$((20*1024*1024*1024))}   # sparse; only written data takes disk space

ceph_() { ceph --conf "$CEPH_CONF_ADMIN" --connect-timeout 10 "$@"; }

# all PGs active+clean (HEALTH_OK alone is not enough: it can show up while PGs are still 'unknown')
ceph_pgs_clean() {
  ceph_ pg stat -f json 2>/dev/null | $PY -c '
import sys, json
d = json.load(sys.stdin); s = d.get("pg_summary", d)
by = {x["name"]: x["num"] for x in s.get("num_pg_by_state", [])}
sys.exit(0 if s["num_pgs"] > 0 and by.get("active+clean", 0) == s["num_pgs"] else 1)'
}
ceph_osd_up() { [ "$(ceph_ osd stat -f json 2>/dev/null | $PY -c 'import sys,json;print(json.load(sys.stdin)["num_up_osds"])')" = 1 ]; }
ceph_mgr_available() { ceph_ mgr stat -f json 2>/dev/null | $PY -c 'import sys,json;sys.exit(0 if json.load(sys.stdin)["available"] else 1)'; }

ceph_write_conf() {
  local fsid=$1
  cat > "$CEPH_CONF_ADMIN" <<CONF
[global]
fsid = $fsid
mon host = [v2:127.0.0.1:$MON_PORT_V2,v1:127.0.0.1:$MON_PORT_V1]
public network = 127.0.0.0/8
ms bind ipv6 = false
auth cluster required = cephx
auth service required = cephx
auth client required = cephx
auth allow insecure global id reclaim = false
keyring = $CEPH_DIR/keyring
run dir = $CEPH_DIR/run
crash dir = $CEPH_DIR/crash
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
mon allow pool size one = true
mon allow pool delete = true
mon warn on pool no redundancy = false
mon data avail warn = 2
mon data avail crit = 1
# RBD clone format 1 (protected snapshots), pinned so errors and trash behaviour are predictable
rbd default clone format = 1
debug ms = 0
[mon]
mon data = $CEPH_DIR/mon/ceph-\$id
mon initial members = a
log file = $LOGS/ceph-\$name.log
admin socket = $CEPH_DIR/run/\$name.asok
pid file = $CEPH_DIR/run/\$name.pid
# 'restful' (on by default) cannot load next to the dashboard on bookworm: python3-cryptography is a
# PyO3 module that initialises once per process, so the mgr would sit in HEALTH_WARN. Leave it out.
mgr initial modules = iostat nfs dashboard
[mgr]
mgr data = $CEPH_DIR/mgr/ceph-\$id
keyring = $CEPH_DIR/mgr/ceph-\$id/keyring
log file = $LOGS/ceph-\$name.log
admin socket = $CEPH_DIR/run/\$name.asok
pid file = $CEPH_DIR/run/\$name.pid
[osd]
osd data = $CEPH_DIR/osd/ceph-\$id
keyring = $CEPH_DIR/osd/ceph-\$id/keyring
log file = $LOGS/ceph-\$name.log
admin socket = $CEPH_DIR/run/\$name.asok
pid file = $CEPH_DIR/run/\$name.pid
osd objectstore = bluestore
bluestore block path = $CEPH_DIR/osd/ceph-\$id/block.file
bluestore block create = true
bluestore block size = $OSD_BYTES
bluestore block db create = false
bluestore block wal create = false
bluestore fsck on mkfs = false
osd memory target = 1073741824
bluestore cache autotune = false
bluestore cache size = 134217728
CONF
  cat > "$CEPH_CONF_CLIENT" <<CC
[global]
fsid = $fsid
mon host = [v2:127.0.0.1:$MON_PORT_V2,v1:127.0.0.1:$MON_PORT_V1]
auth cluster required = cephx
auth service required = cephx
auth client required = cephx
keyring = $CEPH_DIR/ceph.\$name.keyring
rbd default clone format = 1
CC
}

ceph_up() {
  rm -rf "$CEPH_DIR"; mkdir -p "$CEPH_DIR"/{run,mon,mgr/ceph-x,osd,crash}
  local fsid; fsid=$(uuidgen)
  ceph_write_conf "$fsid"
  echo "$fsid" > "$CEPH_DIR/fsid"

  # ---- mon ----
  ceph-authtool --create-keyring "$CEPH_DIR/keyring" --gen-key -n mon. --cap mon 'allow *' >/dev/null
  ceph-authtool "$CEPH_DIR/keyring" --gen-key -n client.admin \
    --cap mon 'allow *' --cap osd 'allow *' --cap mgr 'allow *' --cap mds 'allow *' >/dev/null
  monmaptool --create --fsid "$fsid" --addv a "[v2:127.0.0.1:$MON_PORT_V2,v1:127.0.0.1:$MON_PORT_V1]" \
    "$CEPH_DIR/monmap" >/dev/null
  ceph-mon -c "$CEPH_CONF_ADMIN" --mkfs -i a --monmap "$CEPH_DIR/monmap" --keyring "$CEPH_DIR/keyring" \
    > "$LOGS/ceph-mon-mkfs.log" 2>&1 || die_log ceph-mon "mkfs failed" "$LOGS/ceph-mon-mkfs.log"
  start ceph-mon ceph-mon -f -c "$CEPH_CONF_ADMIN" -i a
  wait_until ceph-mon 30 "$LOGS/ceph-mon.a.log" ceph_ -s --connect-timeout 2
  stamp ceph_mon

  # the dashboard's settings go in before the mgr starts: it comes up with the module already enabled
  ceph_ config set mgr mgr/dashboard/ssl false --force
  ceph_ config set mgr mgr/dashboard/server_addr 127.0.0.1 --force
  ceph_ config set mgr mgr/dashboard/server_port "$DASH_PORT" --force
  ceph_ config set mgr mgr/dashboard/standby_behaviour error --force

  # ---- mgr ----
  ceph_ auth get-or-create mgr.x mon 'allow profile mgr' osd 'allow *' mds 'allow *' \
    > "$CEPH_DIR/mgr/ceph-x/keyring"
  start ceph-mgr ceph-mgr -f -c "$CEPH_CONF_ADMIN" -i x

  # ---- osd (bluestore on a sparse file; mkfs takes ~5 s) ----
  local uuid secret id d
  uuid=$(uuidgen); secret=$(ceph-authtool --gen-print-key)
  id=$(echo "{\"cephx_secret\": \"$secret\"}" | ceph_ osd new "$uuid" -i -)
  d=$CEPH_DIR/osd/ceph-$id; mkdir -p "$d"
  ceph-authtool --create-keyring "$d/keyring" --name "osd.$id" --add-key "$secret" >/dev/null
  ceph-osd -c "$CEPH_CONF_ADMIN" -i "$id" --mkfs --osd-uuid "$uuid" > "$LOGS/ceph-osd-mkfs.log" 2>&1 \
    || die_log ceph-osd "mkfs failed" "$LOGS/ceph-osd-mkfs.log"
  start ceph-osd ceph-osd -f -c "$CEPH_CONF_ADMIN" -i "$id"
  wait_until ceph-osd 60 "$LOGS/ceph-osd.$id.log" ceph_osd_up
  stamp ceph_osd
  wait_until ceph-mgr 60 "$LOGS/ceph-mgr.x.log" ceph_mgr_available

  # ---- pools: each mon command waits for a new osdmap epoch, so create them in parallel ----
  local p pids=()
  for p in images volumes vms; do
    ( ceph_ osd pool create "$p" 8 8 && rbd --conf "$CEPH_CONF_ADMIN" pool init "$p" ) \
      > "$LOGS/ceph-pool-$p.log" 2>&1 &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || die_log ceph-mon "could not create the rbd pools" "$LOGS/ceph-pool-images.log"; done
  wait_until ceph-osd 120 "$LOGS/ceph-osd.$id.log" ceph_pgs_clean
  rbd --conf "$CEPH_CONF_ADMIN" create --size 16M images/__zenith_check \
    && rbd --conf "$CEPH_CONF_ADMIN" rm --no-progress images/__zenith_check >/dev/null 2>&1 \
    || die_log ceph-osd "rbd create/rm round trip failed" "$LOGS/ceph-osd.$id.log"
  stamp ceph_pgs_active_clean

  # ---- cephx users for OpenStack ----
  # glance also needs read-only access to the pools that hold clones of its images: glance_store lists the
  # children before deleting, and librbd opens each child. Without it "image in use" becomes an HTTP 500.
  ceph_ auth get-or-create client.glance mon 'profile rbd' \
    osd 'profile rbd pool=images, profile rbd-read-only pool=volumes, profile rbd-read-only pool=vms' \
    mgr 'profile rbd pool=images' > "$CEPH_DIR/ceph.client.glance.keyring"
  ceph_ auth get-or-create client.cinder mon 'profile rbd' \
    osd 'profile rbd pool=volumes, profile rbd pool=vms, profile rbd-read-only pool=images' \
    mgr 'profile rbd pool=volumes, profile rbd pool=vms' > "$CEPH_DIR/ceph.client.cinder.keyring"
  chmod 0640 "$CEPH_DIR"/ceph.client.*.keyring
  rbd --conf "$CEPH_CONF_CLIENT" --id glance ls images >/dev/null \
    || die_log ceph-mon "client.glance cannot list pool images" "$LOGS/ceph-mon.a.log"
  rbd --conf "$CEPH_CONF_CLIENT" --id cinder ls volumes >/dev/null \
    || die_log ceph-mon "client.cinder cannot list pool volumes" "$LOGS/ceph-mon.a.log"
  touch "$CEPH_DIR/READY"                 # glance may start now
  stamp ceph_users

  # ---- dashboard ----
  wait_http ceph-mgr "http://127.0.0.1:$DASH_PORT/" "200" 90 "$LOGS/ceph-mgr.x.log"
  printf '%s' "$CEPH_DASHBOARD_PASSWORD" > "$CEPH_DIR/dashboard-password"
  ceph_ dashboard ac-user-create admin -i "$CEPH_DIR/dashboard-password" administrator --force-password \
    > "$LOGS/ceph-dashboard-user.log" 2>&1 || die_log ceph-mgr "could not create the dashboard admin user" "$LOGS/ceph-dashboard-user.log"
  ceph_dashboard_login >/dev/null || die_log ceph-mgr "dashboard POST /api/auth failed" "$LOGS/ceph-mgr.x.log"
  stamp ceph_dashboard
  # the mgr must not be sitting in a failed-module warning (restful); PGs are clean already
  if ceph_ health detail 2>/dev/null | grep -q "has failed"; then
    ceph_ health detail >&2; die_log ceph-mgr "has a failed module" "$LOGS/ceph-mgr.x.log"
  fi
  touch "$CEPH_DIR/UP"
}

ceph_dashboard_login() {
  curl -fsS -m 10 -X POST "http://127.0.0.1:$DASH_PORT/api/auth" \
    -H 'Accept: application/vnd.ceph.api.v1.0+json' -H 'Content-Type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$CEPH_DASHBOARD_PASSWORD\"}"
}
