#!/usr/bin/env bash
# Production start: the standalone server that `next build` writes (next.config.mjs output: "standalone"), as a
# non-root user. Configuration comes only from the environment (ZENITH_*, OS_CLOUD with clouds.yaml); see
# deploy/README.md. Builds nothing and starts no embedded cloud: point it at a cloud.
#   PORT (3000), HOST (127.0.0.1)
#   ZENITH_DATA_DIR   writable state (audit log, rollout runs): /var/lib/zenith when started as root, else .data
#   ZENITH_USER       the user it runs as when started as root (zenith, created as a system user when missing)
#   ZENITH_READY_FILE while set and missing, readyz answers 503 (drained); when unset, ZENITH_DATA_DIR/ready,
#                     created at each start when missing
# The server's working directory is .next/standalone: relative paths in ZENITH_* are made absolute first.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SA=$ROOT/.next/standalone
source "$ROOT/scripts/lib.sh"
[ -f "$SA/server.js" ] && [ -f "$ROOT/.next/BUILD_ID" ] || { echo "zenith: no standalone build; run 'npx next build' first" >&2; exit 1; }

# Next's standalone server serves .next/static and public only from beside server.js: copy them there once per
# build, under a lock (two replicas may start at once from one build).
[ -e "$SA/.assets.lock" ] || : > "$SA/.assets.lock"
exec 9< "$SA/.assets.lock"
flock 9
if ! cmp -s "$ROOT/.next/BUILD_ID" "$SA/.assets-build-id" 2>/dev/null; then
  rm -rf "$SA/.next/static" "$SA/public"
  cp -r "$ROOT/.next/static" "$SA/.next/static"
  cp -r "$ROOT/public" "$SA/public"
  cp "$ROOT/.next/BUILD_ID" "$SA/.assets-build-id"
fi
flock -u 9
exec 9>&-

for v in ZENITH_DATA_DIR ZENITH_AUDIT_FILE ZENITH_ROLLOUTS_CONFIG ZENITH_ROLLOUTS_DIR ZENITH_READY_FILE OS_CLIENT_CONFIG_FILE; do
  [ -z "${!v:-}" ] || export "$v=$(realpath -m "${!v}")"
done
export NODE_ENV=production NEXT_TELEMETRY_DISABLED=1
export PORT=${PORT:-3000} HOSTNAME=${HOST:-127.0.0.1}
export ZENITH_ROLLOUTS_DIR=${ZENITH_ROLLOUTS_DIR:-$ROOT/rollouts}
export NODE_OPTIONS="$(bash "$ROOT/scripts/node-heap.sh") ${NODE_OPTIONS:-}"
[ -n "${ZENITH_SESSION_SECRET:-}" ] ||
  echo "zenith: ZENITH_SESSION_SECRET is not set: this replica generates its own, and readyz answers 503 (session_secret_generated)" >&2

if [ "$(id -u)" = 0 ]; then
  RUN_AS=${ZENITH_USER:-zenith}
  ensure_system_user "$RUN_AS"
  export ZENITH_DATA_DIR=${ZENITH_DATA_DIR:-/var/lib/zenith}
  mkdir -p "$ZENITH_DATA_DIR"
  chown "$RUN_AS:" "$ZENITH_DATA_DIR"
  chmod 0700 "$ZENITH_DATA_DIR"
  # Ansible (rollouts) keeps its temporary files under HOME.
  export HOME=$ZENITH_DATA_DIR USER=$RUN_AS LOGNAME=$RUN_AS
  RUN=(setpriv --reuid="$RUN_AS" --regid="$RUN_AS" --init-groups --inh-caps=-all)
else
  export ZENITH_DATA_DIR=${ZENITH_DATA_DIR:-$ROOT/.data}
  mkdir -p "$ZENITH_DATA_DIR"
  RUN=()
fi
if [ -z "${ZENITH_READY_FILE+x}" ]; then
  export ZENITH_READY_FILE=$ZENITH_DATA_DIR/ready
  [ -e "$ZENITH_READY_FILE" ] || { echo "OK" > "$ZENITH_READY_FILE"; [ -z "${RUN_AS:-}" ] || chown "$RUN_AS:" "$ZENITH_READY_FILE"; }
fi
cd "$SA"
exec "${RUN[@]}" /usr/bin/env node server.js
