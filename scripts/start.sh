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
cleanup() { stop_group "$SIM_PID"; }
trap cleanup EXIT INT TERM
if [ -z "${ZENITH_AUTH_URL:-}${OS_AUTH_URL:-}${OS_CLOUD:-}" ]; then
  SIM_PID=$(start_group .data/sim.log npx tsx sim/main.ts)
  wait_http "the embedded cloud" "http://127.0.0.1:$SIM_PORT/identity/v3" 60 || { cat .data/sim.log >&2; exit 1; }
  echo "zenith: embedded cloud on http://127.0.0.1:$SIM_PORT (log: .data/sim.log)"
  CLOUD="the embedded cloud"
else
  CLOUD="${ZENITH_AUTH_URL:-${OS_AUTH_URL:-clouds.yaml cloud $OS_CLOUD}}"
fi

cat <<MSG

  Zenith is starting on http://$HOST:$PORT  (cloud: $CLOUD)

  Demo logins (embedded cloud):
    admin / ${ZENITH_ADMIN_PASSWORD:-zenith-admin}   admin in projects admin and demo
    demo  / ${ZENITH_DEMO_PASSWORD:-zenith-demo}    member of project demo

MSG
npx next start -H "$HOST" -p "$PORT"
