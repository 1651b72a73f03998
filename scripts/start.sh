#!/usr/bin/env bash
# npm start: installs what is missing, builds if needed, starts the embedded cloud and Zenith on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
export NEXT_TELEMETRY_DISABLED=1
PORT=${PORT:-3000}
HOST=${HOST:-127.0.0.1}
export SIM_PORT=${SIM_PORT:-5055}

ensure_node_modules
if needs_build; then
  echo "zenith: building the app (next build)"
  npx next build
fi

mkdir -p .data
SIM_PID=""
LAB_UP=""
cleanup() { stop_group "$SIM_PID"; [ -z "$LAB_UP" ] || bash scripts/rollout-lab.sh down >/dev/null 2>&1 || true; }
trap cleanup EXIT INT TERM
if [ -z "${ZENITH_AUTH_URL:-}${OS_AUTH_URL:-}${OS_CLOUD:-}" ]; then
  SIM_PID=$(start_group .data/sim.log npx tsx sim/main.ts)
  wait_http "the embedded cloud" "http://127.0.0.1:$SIM_PORT/identity/v3" 60 || { cat .data/sim.log >&2; exit 1; }
  echo "zenith: embedded cloud on http://127.0.0.1:$SIM_PORT (log: .data/sim.log)"
  CLOUD="the embedded cloud"
else
  CLOUD="${ZENITH_AUTH_URL:-${OS_AUTH_URL:-clouds.yaml cloud $OS_CLOUD}}"
fi

# Admin → Rollouts: without a pools file of your own, the local lab (HAProxy + 3 nginx backends on
# 127.0.0.1:${ZENITH_ROLLOUT_LAB_PORT:-18600}..+4) is the pool. Missing packages are installed as root on
# Debian; otherwise the lab is skipped and the Rollouts page names what to install.
if [ -z "${ZENITH_ROLLOUTS_CONFIG:-}" ] && [ "${ZENITH_ROLLOUT_LAB:-1}" != 0 ]; then
  if LAB_CONFIG=$(bash scripts/rollout-lab.sh up 2> .data/rollout-lab.log); then
    LAB_UP=1
    export ZENITH_ROLLOUTS_CONFIG=$LAB_CONFIG
    sed 's/^/zenith: /' .data/rollout-lab.log
    echo "zenith: ZENITH_ROLLOUTS_CONFIG=$LAB_CONFIG"
  else
    sed 's/^/zenith: rollout lab not started: /' .data/rollout-lab.log >&2
  fi
fi

cat <<MSG

  Zenith is starting on http://$HOST:$PORT  (cloud: $CLOUD)

  Demo logins (embedded cloud):
    admin / ${ZENITH_ADMIN_PASSWORD:-zenith-admin}   admin in projects admin and demo
    demo  / ${ZENITH_DEMO_PASSWORD:-zenith-demo}    member of project demo

MSG
# The server's V8 heap is bounded (ZENITH_MAX_HEAP_MB, 256; a 4 MiB young generation): without a bound V8 lets the
# garbage of big admin gathers (16k RBD image reads) grow the process past 400 MiB before collecting it, where the facts
# it keeps are ~25 MiB at that scale. Flags of your own in NODE_OPTIONS come after these, so they win.
NODE_OPTIONS="$(bash scripts/node-heap.sh) ${NODE_OPTIONS:-}" npx next start -H "$HOST" -p "$PORT"
