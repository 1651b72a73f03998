#!/usr/bin/env bash
# The server Playwright starts for one target (sim | real): the built app under `next start`.
#   sim:  a fresh embedded cloud with test controls on :5155 and the app on :3100;
#   real: the app on :3200 pointed at the real tier's Keystone pool (scripts/real-cloud must be up), with its rollouts pools.
# Both set a fan-out limit of 2 running clones per parent (ZENITH_FANOUT_MAX_RUNNING_CLONES), for Lineage's flatten advice.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
export NEXT_TELEMETRY_DISABLED=1
# One JSON line per request is for production logs; the Playwright output keeps warnings and errors only.
export ZENITH_LOG_LEVEL=${ZENITH_LOG_LEVEL:-warn}
TARGET=${1:-sim}
# The heap flags `npm start` gives the server (scripts/node-heap.sh): the e2e suites test the server as shipped.
SERVER_NODE_OPTIONS="$(bash scripts/node-heap.sh) ${NODE_OPTIONS:-}"
export ZENITH_SESSION_SECRET=${ZENITH_SESSION_SECRET:-e2e-only-session-secret-0123456789abcdef}
case "$TARGET" in
  sim)
    E2E_SIM_PORT=${E2E_SIM_PORT:-5155}
    E2E_PORT=${E2E_PORT:-3100}
    mkdir -p .data/e2e
    rm -rf .data/e2e/sim.sqlite* .data/e2e/zenith.sqlite* .data/e2e/audit.* .data/e2e/rollouts*
    # The sim stays in this script's process group (no setsid): Playwright stops the web server by killing that
    # group, which must take the sim with it; the trap covers a plain exit. One node process, so its PID is the sim.
    SIM_PORT=$E2E_SIM_PORT SIM_CONTROLS=1 SIM_DB=.data/e2e/sim.sqlite SIM_SCENARIO=default \
      SIM_TIME_SCALE=${E2E_TIME_SCALE:-0.05} node --import tsx sim/main.ts > .data/e2e/sim.log 2>&1 < /dev/null &
    SIM_PID=$!
    LAB=.data/e2e/rollout-lab
    trap 'kill "$SIM_PID" 2>/dev/null; bash scripts/rollout-lab.sh down "$LAB" >/dev/null 2>&1' EXIT INT TERM
    # The rollouts lab: HAProxy + 3 nginx on 127.0.0.1:E2E_LAB_PORT (18640)..+4, and its pool configuration.
    ZENITH_ROLLOUTS_CONFIG=$(ZENITH_ROLLOUT_LAB_PORT=${E2E_LAB_PORT:-18640} bash scripts/rollout-lab.sh up "$LAB" 2> .data/e2e/rollout-lab.log | tail -1) \
      || { cat .data/e2e/rollout-lab.log >&2; exit 1; }
    export ZENITH_ROLLOUTS_CONFIG
    wait_http "the e2e sim" "http://127.0.0.1:$E2E_SIM_PORT/identity/v3" 60 || { cat .data/e2e/sim.log >&2; exit 1; }
    # The sim is reached by URL like any cloud, so its Ceph Dashboard account is passed explicitly (no default).
    # The seeded raw image has a few running clones: a fan-out limit of 2 puts it above, so Lineage's flatten advice shows.
    ZENITH_FANOUT_MAX_RUNNING_CLONES=${ZENITH_FANOUT_MAX_RUNNING_CLONES:-2} \
    ZENITH_AUTH_URL=http://127.0.0.1:$E2E_SIM_PORT/identity/v3 ZENITH_DATA_DIR=.data/e2e \
      ZENITH_CEPH_USER=${ZENITH_CEPH_USER:-admin} ZENITH_CEPH_PASSWORD=${ZENITH_CEPH_PASSWORD:-zenith-ceph} ZENITH_GLANCE_CONVERSION=raw \
      NODE_OPTIONS=$SERVER_NODE_OPTIONS npx next start -H 127.0.0.1 -p "$E2E_PORT"
    ;;
  real)
    REAL_DIR=${ZENITH_REAL_DIR:-/tmp/zenith-real}
    [ -f "$REAL_DIR/endpoints.json" ] || { echo "e2e (real): $REAL_DIR/endpoints.json is missing; run 'bash scripts/real-cloud/real-cloud.sh up'" >&2; exit 1; }
    # Everything else comes from the token's catalog, as on any cloud: only the Ceph account and Nova's wait are told.
    # The auth URL is the keystone pool's HAProxy frontend; the pools (lab, keystone) are the tier's rollouts.yaml.
    eval "$(node -e '
      const e = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      const q = (s) => "\x27" + String(s).replace(/\x27/g, "\x27\\\x27\x27") + "\x27";
      console.log(`export ZENITH_AUTH_URL=${q(e.authUrl)} ZENITH_CEPH_USER=${q(e.ceph.username)} ZENITH_CEPH_PASSWORD=${q(e.ceph.password)}`);
      console.log(`export ZENITH_NOVA_BDA_RETRIES=${q(e.nova.blockDeviceAllocateRetries)} ZENITH_NOVA_BDA_INTERVAL=${q(e.nova.blockDeviceAllocateRetriesInterval)}`);
      if (e.rollouts && e.rollouts.config) console.log(`export ZENITH_ROLLOUTS_CONFIG=${q(e.rollouts.config)}`);
    ' "$REAL_DIR/endpoints.json")"
    mkdir -p .data/e2e-real
    rm -rf .data/e2e-real/zenith.sqlite* .data/e2e-real/audit.* .data/e2e-real/rollouts*
    # The same fan-out limit as the sim's: e2e/lineage-fanout.spec.ts makes 3 running clones of the raw image on real
    # to go above it (the other specs do not assert on the boot plan's busy-parent note it adds to raw clone boots).
    ZENITH_FANOUT_MAX_RUNNING_CLONES=${ZENITH_FANOUT_MAX_RUNNING_CLONES:-2} \
    ZENITH_DATA_DIR=.data/e2e-real NODE_OPTIONS=$SERVER_NODE_OPTIONS exec npx next start -H 127.0.0.1 -p "${E2E_REAL_PORT:-3200}"
    ;;
  *) echo "usage: e2e-server.sh sim|real" >&2; exit 2 ;;
esac
