# shellcheck shell=bash
# `real-cloud.sh install`: the Debian 12 packages of the real-services tier, and nothing else.
# Idempotent: dpkg-query first, apt only for what is missing. A temporary /usr/sbin/policy-rc.d (exit 101)
# keeps the postinsts (mariadb, rabbitmq, nginx, haproxy, ceph) from starting system services.

CEPH_PKGS=(ceph-mon ceph-mgr ceph-osd ceph-common ceph-mgr-dashboard python3-rbd python3-rados qemu-utils uuid-runtime)
OS_PKGS=(python3-keystone python3-glance python3-neutron python3-cinder python3-nova python3-placement
  python3-openstackclient python3-pymysql python3-requests python3-yaml uwsgi-core uwsgi-plugin-python3 sqlite3
  mariadb-server-core mariadb-client-core rabbitmq-server iproute2 iptables ebtables sudo curl)
ROLLOUT_PKGS=(haproxy nginx-light ansible-core)
# console scripts + paste files ship in these (debconf-carrying) packages: downloaded and unpacked, not installed
COMMON_DEBS=(glance-common neutron-common nova-common cinder-common)

missing_pkgs() {
  local p st
  for p in "$@"; do
    st=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
    [ "$st" = installed ] || echo "$p"
  done
}

install_pkgs() {
  local want=("${CEPH_PKGS[@]}" "${OS_PKGS[@]}" "${ROLLOUT_PKGS[@]}") miss made_policy=0 rc=0 t
  mapfile -t miss < <(missing_pkgs "${want[@]}")
  mkdir -p "$LOGS"
  if [ ${#miss[@]} -gt 0 ]; then
    t=$(date +%s)
    log "apt-get install ${#miss[@]} missing package(s): ${miss[*]}"
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      printf '#!/bin/sh\n# zenith real-cloud install: no service starts from postinst\nexit 101\n' > /usr/sbin/policy-rc.d
      chmod +x /usr/sbin/policy-rc.d; made_policy=1
    fi
    "${APT[@]}" update -qq > "$LOGS/apt.log" 2>&1 || true
    "${APT[@]}" install -y --no-install-recommends "${miss[@]}" >> "$LOGS/apt.log" 2>&1 || rc=$?
    [ $made_policy = 1 ] && rm -f /usr/sbin/policy-rc.d
    [ $rc = 0 ] || die_log apt-get "install failed (rc $rc)" "$LOGS/apt.log"
    log "apt-get install done in $(( $(date +%s) - t )) s"
  else
    log "all ${#want[@]} packages already installed"
  fi
  extract_common_debs
}

# The *-common debs carry console scripts (glance-api, neutron-server, nova-api-wsgi, cinder-manage, ...)
# and paste .ini files; installing them would run debconf/dbconfig. Unpack them under $PKGS instead.
extract_common_debs() {
  [ -x "$BIN/neutron-server" ] && [ -x "$BIN/cinder-manage" ] && [ -x "$BIN/nova-api-wsgi" ] \
    && [ -x "$BIN/glance-api" ] && return 0
  local t; t=$(date +%s)
  rm -rf "$PKGS"; mkdir -p "$PKGS/root" "$LOGS"
  ( cd "$PKGS" && "${APT[@]}" download "${COMMON_DEBS[@]}" glance-api ) > "$LOGS/apt-download.log" 2>&1 \
    || die_log apt-get "download of ${COMMON_DEBS[*]} failed" "$LOGS/apt-download.log"
  local f; for f in "$PKGS"/*.deb; do dpkg-deb -x "$f" "$PKGS/root"; done
  [ -x "$BIN/neutron-server" ] || die_log apt-get "unpacked debs lack neutron-server" "$LOGS/apt-download.log"
  log "unpacked ${COMMON_DEBS[*]} glance-api into $PKGS/root in $(( $(date +%s) - t )) s"
}

installed_ok() { [ -z "$(missing_pkgs "${CEPH_PKGS[@]}" "${OS_PKGS[@]}" "${ROLLOUT_PKGS[@]}")" ]; }
