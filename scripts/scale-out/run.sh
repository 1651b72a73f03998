#!/usr/bin/env bash
# The scale-out stage of `npm test` (after `next build`, reusing it): starts the harness (scripts/scale-out/harness.sh:
# PostgreSQL, the sim, replicas a and b, HAProxy on 127.0.0.1:SCALE_OUT_PORT..+5), runs tests/scale-out, stops it.
#   scripts/scale-out/run.sh [VITEST ARGS...]     e.g. --reporter=default
set -uo pipefail
cd "$(dirname "$0")/../.."
DIR=${SCALE_OUT_DIR:-.data/scale-out}
export SCALE_OUT_PORT=${SCALE_OUT_PORT:-4200}
trap 'bash scripts/scale-out/harness.sh down "$DIR"' EXIT
ENDPOINTS=$(bash scripts/scale-out/harness.sh up "$DIR" | tail -1) || { echo "scale-out: the harness did not come up" >&2; exit 1; }
SCALE_OUT_ENDPOINTS=$ENDPOINTS npx vitest run --project scale-out "$@"
