#!/usr/bin/env bash
# The server Playwright starts: a fresh embedded cloud with test controls on :5155 and the built app on :3100.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
export NEXT_TELEMETRY_DISABLED=1
E2E_SIM_PORT=${E2E_SIM_PORT:-5155}
E2E_PORT=${E2E_PORT:-3100}
mkdir -p .data/e2e
rm -f .data/e2e/sim.sqlite*
# The sim stays in this script's process group (no setsid): Playwright stops the web server by killing that
# group, which must take the sim with it; the trap covers a plain exit. One node process, so its PID is the sim.
SIM_PORT=$E2E_SIM_PORT SIM_CONTROLS=1 SIM_DB=.data/e2e/sim.sqlite SIM_SCENARIO=default \
  SIM_TIME_SCALE=${E2E_TIME_SCALE:-0.05} node --import tsx sim/main.ts > .data/e2e/sim.log 2>&1 < /dev/null &
SIM_PID=$!
trap 'kill "$SIM_PID" 2>/dev/null' EXIT INT TERM
wait_http "the e2e sim" "http://127.0.0.1:$E2E_SIM_PORT/identity/v3" 60 || { cat .data/e2e/sim.log >&2; exit 1; }
ZENITH_AUTH_URL=http://127.0.0.1:$E2E_SIM_PORT/identity/v3 \
ZENITH_SESSION_SECRET=${ZENITH_SESSION_SECRET:-e2e-only-session-secret-0123456789abcdef} \
  npx next start -H 127.0.0.1 -p "$E2E_PORT"
