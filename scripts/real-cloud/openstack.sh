# shellcheck shell=bash
# OpenStack Zed from Debian 12 packages on 127.0.0.1, no systemd, configs and data under $OS_DIR.
#   MariaDB ($MYSQL_PORT) for neutron, nova and cinder; RabbitMQ (5672, epmd 4369, dist 25672);
#   keystone 5000 (uwsgi, sqlite WAL, 1 process), glance 9292 (RBD store), neutron 9696 (ml2/linuxbridge)
#   + $NOOP_DHCP_AGENTS no-op DHCP agents + 1 linuxbridge agent, cinder 8776 (RBD driver), placement 8778,
#   nova 8774 (fake.FakeDriver, service token, short block_device_allocate_retries).
# Daemons run as `$PY -c 'from X.cmd.Y import main; main()'` or under uwsgi; console scripts and paste
# files come from the unpacked *-common debs in $BIN / $PKGS.

CEPH_CLIENT_CONF=$CEPH_DIR/ceph-client.conf
PYMAIN='import sys; from %s import main; sys.argv[0] = "%s"; sys.exit(main())'
DEBUG=${ZENITH_REAL_DEBUG:-false}

# py_daemon NAME MODULE ARGS...: start an eventlet service with Debian's python
py_daemon() { local n=$1 m=$2; shift 2; start "$n" $PY -c "$(printf "$PYMAIN" "$m" "$n")" "$@"; }
# uwsgi_app NAME PORT WSGI_FILE ENV=VALUE: one process, one thread, Connection: close (uwsgi's
# --http-socket resets keep-alive clients otherwise)
uwsgi_app() {
  start "$1" uwsgi --plugin python3 --http-socket "127.0.0.1:$2" --wsgi-file "$3" --processes 1 --threads 1 \
    --master --die-on-term --lazy-apps --buffer-size 65535 --add-header 'Connection: close' \
    --worker-reload-mercy 5 --reload-mercy 5 \
    --logto "$LOGS/$1.log" --env "$4"
}
sqlite_wal() { sqlite3 "$1" 'PRAGMA journal_mode=WAL;' >/dev/null; }   # else "database is locked" under load

# ------------------------------------------------------------------ rabbitmq + mariadb
infra_start() {
  mkdir -p "$OS_DIR"/rabbitmq/{mnesia,log,home} "$OS_DIR/mysql/data"
  echo '[].' > "$OS_DIR/rabbitmq/enabled_plugins"
  printf 'loopback_users = none\nlisteners.tcp.default = 127.0.0.1:%s\n' "$RABBIT_PORT" > "$OS_DIR/rabbitmq/rabbitmq.conf"
  start epmd /usr/bin/epmd -address 127.0.0.1
  sleep 0.3
  start rabbitmq env HOME="$OS_DIR/rabbitmq/home" RABBITMQ_NODENAME=rabbit@localhost RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
    ERL_EPMD_ADDRESS=127.0.0.1 RABBITMQ_DIST_PORT=$RABBIT_DIST_PORT RABBITMQ_MNESIA_BASE="$OS_DIR/rabbitmq/mnesia" \
    RABBITMQ_LOG_BASE="$OS_DIR/rabbitmq/log" RABBITMQ_ENABLED_PLUGINS_FILE="$OS_DIR/rabbitmq/enabled_plugins" \
    RABBITMQ_CONFIG_FILE="$OS_DIR/rabbitmq/rabbitmq" \
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" \
    /usr/lib/rabbitmq/bin/rabbitmq-server

  cat > "$OS_DIR/mysql/my.cnf" <<EOF
[mysqld]
datadir = $OS_DIR/mysql/data
socket = $OS_DIR/mysql/mysqld.sock
pid-file = $OS_DIR/mysql/mysqld.pid
bind-address = 127.0.0.1
port = $MYSQL_PORT
user = root
skip-name-resolve
innodb_buffer_pool_size = 128M
innodb_flush_log_at_trx_commit = 0
innodb_doublewrite = 0
max_connections = 500
character-set-server = utf8mb4
collation-server = utf8mb4_general_ci
log-error = $LOGS/mariadb.log
[client]
socket = $OS_DIR/mysql/mysqld.sock
EOF
  mariadb-install-db --defaults-file="$OS_DIR/mysql/my.cnf" --auth-root-authentication-method=normal \
    > "$LOGS/mariadb-install.log" 2>&1 || die_log mariadb "mariadb-install-db failed" "$LOGS/mariadb-install.log"
  start mariadb /usr/sbin/mariadbd --defaults-file="$OS_DIR/mysql/my.cnf"
}

infra_wait() {
  wait_until mariadb 60 "$LOGS/mariadb.log" tcp_open "$MYSQL_PORT"
  mariadb --defaults-file="$OS_DIR/mysql/my.cnf" -uroot -e "CREATE USER IF NOT EXISTS 'zenith'@'127.0.0.1' IDENTIFIED BY 'zenith';
    GRANT ALL ON *.* TO 'zenith'@'127.0.0.1'; CREATE DATABASE IF NOT EXISTS neutron; CREATE DATABASE IF NOT EXISTS nova_api;
    CREATE DATABASE IF NOT EXISTS nova; CREATE DATABASE IF NOT EXISTS nova_cell0; CREATE DATABASE IF NOT EXISTS cinder;" \
    || die_log mariadb "could not create the databases" "$LOGS/mariadb.log"
  stamp mariadb
  wait_until rabbitmq 90 "$LOGS/rabbitmq.out" tcp_open "$RABBIT_PORT"
  stamp rabbitmq
}

# ------------------------------------------------------------------ keystone
keystone_up() {
  local K=$OS_DIR/keystone
  mkdir -p "$K"/{fernet-keys,credential-keys}
  cat > "$K/keystone.conf" <<EOF
[DEFAULT]
log_file = $LOGS/keystone-app.log
[database]
connection = sqlite:///$K/keystone.db
[identity]
# bcrypt's minimum: each password check costs ~1 ms instead of ~0.25 s of CPU (a throwaway test cloud)
password_hash_rounds = 4
[token]
provider = fernet
[fernet_tokens]
key_repository = $K/fernet-keys
[fernet_receipts]
key_repository = $K/fernet-keys
[credential]
key_repository = $K/credential-keys
EOF
  local KM=(keystone-manage --config-file="$K/keystone.conf")
  # the key repositories do not touch the database: set them up while db_sync runs
  ( "${KM[@]}" fernet_setup --keystone-user root --keystone-group root \
      && "${KM[@]}" credential_setup --keystone-user root --keystone-group root ) > "$LOGS/keystone-keys.log" 2>&1 &
  local keys_bg=$!
  "${KM[@]}" db_sync > "$LOGS/keystone-manage.log" 2>&1 && sqlite_wal "$K/keystone.db" \
    || die_log keystone "keystone-manage db_sync failed" "$LOGS/keystone-manage.log"
  wait $keys_bg || die_log keystone "keystone-manage fernet_setup/credential_setup failed" "$LOGS/keystone-keys.log"
  {
    "${KM[@]}" bootstrap --bootstrap-username admin --bootstrap-password "$ADMIN_PASSWORD" \
        --bootstrap-project-name admin --bootstrap-role-name admin --bootstrap-service-name keystone \
        --bootstrap-region-id "$REGION" --bootstrap-admin-url "$KS_URL/" --bootstrap-public-url "$KS_URL/" \
        --bootstrap-internal-url "$KS_URL/"
  } >> "$LOGS/keystone-manage.log" 2>&1 || die_log keystone "keystone-manage bootstrap failed" "$LOGS/keystone-manage.log"
  uwsgi_app keystone "$KEYSTONE_PORT" /usr/bin/keystone-wsgi-public "OS_KEYSTONE_CONFIG_DIR=$K"
  wait_http keystone "$KS_URL" "200" 60
  $PY "$RC_HERE/cloudctl.py" identity > "$LOGS/keystone-identity.log" 2>&1 \
    || die_log keystone "identity/catalog setup failed" "$LOGS/keystone-identity.log"
  stamp keystone
}

# ------------------------------------------------------------------ glance (RBD store)
glance_configure() {
  local G=$OS_DIR/glance
  mkdir -p "$G"/{tasks,staging}
  cp "$PKGS/root/usr/share/glance-common/glance-api-paste.ini" "$G/"
  sed -i "s#/etc/glance/healthcheck_disable#$G/healthcheck_disable#" "$G/glance-api-paste.ini"
  cat > "$G/glance-api.conf" <<EOF
[DEFAULT]
bind_host = 127.0.0.1
bind_port = $GLANCE_PORT
workers = 1
debug = $DEBUG
log_file = $LOGS/glance-api.log
enabled_backends = ceph:rbd
# rbd://<fsid>/images/<id>/snap: what cinder (and nova) need to clone instead of copy
show_image_direct_url = True
[database]
connection = sqlite:///$G/glance.db
[glance_store]
default_backend = ceph
[ceph]
rbd_store_pool = images
rbd_store_user = glance
rbd_store_ceph_conf = $CEPH_CLIENT_CONF
rbd_store_chunk_size = 8
[os_glance_tasks_store]
filesystem_store_datadir = $G/tasks/
[os_glance_staging_store]
filesystem_store_datadir = $G/staging/
[paste_deploy]
flavor = keystone
config_file = $G/glance-api-paste.ini
$(ksauth keystone_authtoken glance)
$POLICY
EOF
}
glance_dbsync() {
  $PY "$BIN/glance-manage" --config-file "$OS_DIR/glance/glance-api.conf" db_sync > "$LOGS/glance-manage.log" 2>&1 \
    || die_log glance-api "glance-manage db_sync failed" "$LOGS/glance-manage.log"
  sqlite_wal "$OS_DIR/glance/glance.db"
}
glance_up() {
  start glance-api $PY "$BIN/glance-api" --config-file "$OS_DIR/glance/glance-api.conf"
  wait_http glance-api "http://127.0.0.1:$GLANCE_PORT/" "300" 60
  stamp glance
}

# ------------------------------------------------------------------ neutron
neutron_configure() {
  local N=$OS_DIR/neutron
  mkdir -p "$N"/{state,lock} "$OS_DIR/pylib"
  cp "$PKGS/root/usr/share/neutron-common/api-paste.ini" "$N/"
  cp "$RC_HERE/noop_dhcp_driver.py" "$OS_DIR/pylib/"
  cat > "$N/neutron.conf" <<EOF
[DEFAULT]
bind_host = 127.0.0.1
bind_port = $NEUTRON_PORT
debug = $DEBUG
core_plugin = ml2
service_plugins = router
auth_strategy = keystone
api_paste_config = $N/api-paste.ini
transport_url = $RABBIT_URL
api_workers = 1
rpc_workers = 1
rpc_state_report_workers = 1
state_path = $N/state
notify_nova_on_port_status_changes = false
notify_nova_on_port_data_changes = false
# The DHCP agents' hosts (dhcp-host-N) have no L2 agent, so ML2's host filter leaves the scheduler no
# candidates: networks are hosted only by explicit adds (the seed puts zenith-net on dhcp-host-1; more
# come by hand or by Zenith's heal). No automatic failover: a dead agent's networks stay under-served.
dhcp_agents_per_network = 1
network_auto_schedule = false
allow_automatic_dhcp_failover = false
[agent]
root_helper = sudo
report_interval = 10
[database]
connection = $MYSQL_URL/neutron?charset=utf8
[oslo_concurrency]
lock_path = $N/lock
[experimental]
linuxbridge = true
$(ksauth keystone_authtoken neutron)
$POLICY
EOF
  cat > "$N/ml2_conf.ini" <<EOF
[ml2]
type_drivers = flat,vlan,vxlan,local
tenant_network_types = vxlan
mechanism_drivers = linuxbridge
extension_drivers = port_security
[ml2_type_flat]
flat_networks = public
[ml2_type_vxlan]
vni_ranges = 1:1000
[securitygroup]
enable_security_group = true
firewall_driver = noop
EOF
}
neutron_dbsync() {   # MariaDB: neutron's alembic migrations do not run on sqlite
  local N=$OS_DIR/neutron
  $PY "$BIN/neutron-db-manage" --config-file "$N/neutron.conf" --config-file "$N/ml2_conf.ini" upgrade heads \
    > "$LOGS/neutron-db-manage.log" 2>&1 || die_log neutron-server "neutron-db-manage upgrade heads failed" "$LOGS/neutron-db-manage.log"
}
neutron_start() {
  local N=$OS_DIR/neutron
  start neutron-server $PY "$BIN/neutron-server" --config-file "$N/neutron.conf" --config-file "$N/ml2_conf.ini" \
    --log-file "$LOGS/neutron-server.log"
}

# agents only after the API answers: an agent whose first RPC comes before the server's RPC workers
# declared their queues can stall for 60 s+
neutron_agents_start() {
  local N=$OS_DIR/neutron i h
  wait_http neutron-server "http://127.0.0.1:$NEUTRON_PORT/" "200" 120
  stamp neutron_api
  sleep 2
  for i in $(seq 1 "$NOOP_DHCP_AGENTS"); do
    h=dhcp-host-$i; mkdir -p "$N/$h"
    printf '[DEFAULT]\nhost = %s\ninterface_driver = null\ndhcp_driver = noop_dhcp_driver.NoopDhcpDriver\nenable_isolated_metadata = false\nstate_path = %s\n[agent]\navailability_zone = nova\n' \
      "$h" "$N/$h" > "$N/$h.ini"
    PYTHONPATH="$OS_DIR/pylib" start "$h" $PY "$BIN/neutron-dhcp-agent" --config-file "$N/neutron.conf" \
      --config-file "$N/$h.ini" --log-file "$LOGS/$h.log"
  done
  # L2 agent on nova's compute host: without it nova's ports fail to bind (PortBindingFailed).
  # vxlan with local_ip 127.0.0.1; the fake virt driver plugs no taps, so no bridge is ever created.
  printf '[DEFAULT]\nhost = compute-1\n[linux_bridge]\nphysical_interface_mappings =\n[vxlan]\nenable_vxlan = true\nlocal_ip = 127.0.0.1\nl2_population = false\n[securitygroup]\nfirewall_driver = noop\n' \
    > "$N/lb-compute-1.ini"
  start lb-compute-1 $PY "$BIN/neutron-linuxbridge-agent" --config-file "$N/neutron.conf" \
    --config-file "$N/lb-compute-1.ini" --log-file "$LOGS/lb-compute-1.log"
}

neutron_agents_wait() {
  local want=$((NOOP_DHCP_AGENTS + 1)) i h
  $PY "$RC_HERE/cloudctl.py" wait-agents "$want" 120 > "$LOGS/neutron-agents-wait.log" 2>&1 \
    || die_log neutron-agents "not all $want agents alive within 120 s" "$LOGS/neutron-agents-wait.log"
  for i in $(seq 1 "$NOOP_DHCP_AGENTS"); do
    h=dhcp-host-$i
    wait_until "$h" 120 "$LOGS/$h.log" grep -q 'Synchronizing state complete' "$LOGS/$h.log"
  done
  stamp neutron_agents
}

# ------------------------------------------------------------------ cinder (RBD driver)
cinder_configure() {
  local C=$OS_DIR/cinder
  mkdir -p "$C"/{state,lock,conversion}
  cp "$PKGS/root/usr/share/cinder-common/api-paste.ini" "$C/"
  sed -i "s#/etc/cinder/healthcheck_disable#$C/healthcheck_disable#" "$C/api-paste.ini"
  cat > "$C/cinder.conf" <<EOF
[DEFAULT]
osapi_volume_listen = 127.0.0.1
osapi_volume_listen_port = $CINDER_PORT
osapi_volume_workers = 1
debug = $DEBUG
api_paste_config = $C/api-paste.ini
auth_strategy = keystone
transport_url = $RABBIT_URL
state_path = $C/state
my_ip = 127.0.0.1
host = cinder-1
enabled_backends = ceph
default_volume_type = __DEFAULT__
glance_api_servers = http://127.0.0.1:$GLANCE_PORT
image_conversion_dir = $C/conversion
[database]
# MariaDB, not sqlite: api, scheduler and volume all write, and sqlite's lock gave 500s under load
connection = $MYSQL_URL/cinder?charset=utf8
[oslo_concurrency]
lock_path = $C/lock
[ceph]
volume_driver = cinder.volume.drivers.rbd.RBDDriver
volume_backend_name = ceph
rbd_pool = volumes
rbd_user = cinder
rbd_ceph_conf = $CEPH_CLIENT_CONF
rbd_flatten_volume_from_snapshot = false
rbd_max_clone_depth = 5
rbd_store_chunk_size = 4
rados_connect_timeout = -1
$(ksauth keystone_authtoken cinder)
$(ksauth nova nova)
$POLICY
EOF
}
cinder_dbsync() {
  $PY "$BIN/cinder-manage" --config-file "$OS_DIR/cinder/cinder.conf" db sync > "$LOGS/cinder-manage.log" 2>&1 \
    || die_log cinder-api "cinder-manage db sync failed" "$LOGS/cinder-manage.log"
}
cinder_start() {
  local C=$OS_DIR/cinder s
  for s in api scheduler volume; do
    py_daemon "cinder-$s" "cinder.cmd.$s" --config-file "$C/cinder.conf" --log-file "$LOGS/cinder-$s.log"
  done
}

cinder_wait() {
  wait_http cinder-api "http://127.0.0.1:$CINDER_PORT/" "200 300" 90
  stamp cinder_api
  $PY "$RC_HERE/cloudctl.py" wait-service cinder-volume 120 > "$LOGS/cinder-volume-wait.log" 2>&1 \
    || die_log cinder-volume "did not report up within 120 s" "$LOGS/cinder-volume.log"
  stamp cinder_volume
}

# ------------------------------------------------------------------ placement + nova (fake driver)
nova_configure() {
  local P=$OS_DIR/placement V=$OS_DIR/nova
  mkdir -p "$P" "$V"/{state,lock,instances}
  { printf '[DEFAULT]\nlog_file = %s\n[api]\nauth_strategy = keystone\n[placement_database]\nconnection = sqlite:///%s\n' \
      "$LOGS/placement-app.log" "$P/placement.db"; ksauth keystone_authtoken placement; echo "$POLICY"; } > "$P/placement.conf"

  cp "$PKGS/root/usr/share/nova-common/api-paste.ini" "$V/"
  sed -i "s#/etc/nova/healthcheck_disable#$V/healthcheck_disable#" "$V/api-paste.ini"
  cat > "$V/nova.conf" <<EOF
[DEFAULT]
transport_url = $RABBIT_URL
debug = $DEBUG
my_ip = 127.0.0.1
host = compute-1
state_path = $V/state
instances_path = $V/instances
compute_driver = fake.FakeDriver
osapi_compute_listen = 127.0.0.1
osapi_compute_workers = 1
enabled_apis = osapi_compute
api_paste_config = $V/api-paste.ini
# How long nova-compute waits for cinder to create a boot volume (upstream: 60 x 3 s). Short on purpose
# (NOVA_BDA_RETRIES / NOVA_BDA_INTERVAL): a qcow2 boot-from-volume then really fails with
# "Volume ... did not finish being created even after we waited ...", a raw (cloned) one does not.
block_device_allocate_retries = $NOVA_BDA_RETRIES
block_device_allocate_retries_interval = $NOVA_BDA_INTERVAL
[api]
auth_strategy = keystone
[api_database]
connection = $MYSQL_URL/nova_api?charset=utf8
[database]
connection = $MYSQL_URL/nova?charset=utf8
[conductor]
workers = 1
[scheduler]
workers = 1
discover_hosts_in_cells_interval = 30
[oslo_concurrency]
lock_path = $V/lock
[glance]
api_servers = http://127.0.0.1:$GLANCE_PORT
[vnc]
enabled = false
[cinder]
os_region_name = $REGION
$(ksauth keystone_authtoken nova)
$(ksauth placement placement)
$(ksauth neutron neutron)
$(ksauth service_user nova)
send_service_user_token = true
$POLICY
EOF
  # nova-compute must not see the DB ("No DB access allowed in nova-compute")
  grep -v '^connection = mysql' "$V/nova.conf" > "$V/nova-compute.conf"
}
nova_dbsync() {   # placement on sqlite; nova_api, nova, nova_cell0 on MariaDB
  local P=$OS_DIR/placement V=$OS_DIR/nova
  placement-manage --config-file "$P/placement.conf" db sync > "$LOGS/placement-manage.log" 2>&1 \
    || die_log placement "placement-manage db sync failed" "$LOGS/placement-manage.log"
  sqlite_wal "$P/placement.db"
  local NM=($PY "$BIN/nova-manage" --config-file "$V/nova.conf")
  { "${NM[@]}" api_db sync && "${NM[@]}" cell_v2 map_cell0 --database_connection "$MYSQL_URL/nova_cell0?charset=utf8" \
    && "${NM[@]}" cell_v2 create_cell --name cell1 && "${NM[@]}" db sync; } > "$LOGS/nova-manage.log" 2>&1 \
    || die_log nova-api "nova-manage db sync failed" "$LOGS/nova-manage.log"
}
nova_start() {
  local P=$OS_DIR/placement V=$OS_DIR/nova s
  uwsgi_app placement "$PLACEMENT_PORT" /usr/bin/placement-api "OS_PLACEMENT_CONFIG_DIR=$P"
  uwsgi_app nova-api "$NOVA_PORT" "$BIN/nova-api-wsgi" "OS_NOVA_CONFIG_DIR=$V"
  for s in conductor scheduler; do
    py_daemon "nova-$s" "nova.cmd.$s" --config-file "$V/nova.conf" --log-file "$LOGS/nova-$s.log"
  done
  py_daemon nova-compute nova.cmd.compute --config-file "$V/nova-compute.conf" --log-file "$LOGS/nova-compute.log"
}

nova_wait() {
  wait_http placement "http://127.0.0.1:$PLACEMENT_PORT/" "200" 60
  wait_http nova-api "http://127.0.0.1:$NOVA_PORT/" "200" 90
  stamp nova_api
  $PY "$RC_HERE/cloudctl.py" wait-service nova-compute 150 > "$LOGS/nova-compute-wait.log" 2>&1 \
    || die_log nova-compute "did not report up within 150 s" "$LOGS/nova-compute.log"
  $PY "$BIN/nova-manage" --config-file "$OS_DIR/nova/nova.conf" cell_v2 discover_hosts > "$LOGS/nova-discover.log" 2>&1 \
    || die_log nova-compute "cell_v2 discover_hosts failed" "$LOGS/nova-discover.log"
  stamp nova_compute
}
