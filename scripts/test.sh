#!/usr/bin/env bash
# npm test: installs what is missing, then runs everything — unit tests, BFF integration tests against the
# embedded cloud and (as root on Debian) against real OpenStack + Ceph, and Playwright e2e in Debian's Chromium.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
export NEXT_TELEMETRY_DISABLED=1
RESULTS=.data/test-results
rm -rf "$RESULTS"; mkdir -p "$RESULTS"
T0=$(date +%s)
PG_DIR=$(mktemp -d /tmp/zenith-test-pg-XXXXXX)
# Stages run in two lanes side by side (below); a failed stage's name goes to this file, so both lanes can record one.
FAILED_FILE=$RESULTS/failed-stages
: > "$FAILED_FILE"
step() { # step NAME CMD...: runs one stage, records a failure without stopping the rest
  local name=$1; shift
  echo; echo "=== [$(( $(date +%s) - T0 ))s] $name"
  local t=$(date +%s)
  if "$@"; then echo "=== $name: ok"; else echo "=== $name: FAILED"; echo "$name" >> "$FAILED_FILE"; fi
  echo "$name: $(( $(date +%s) - t )) s (from $(( t - T0 )) s)" >> "$RESULTS/stage-times"
}

ensure_node_modules || { echo "npm ci failed"; exit 1; }

IS_ROOT_DEBIAN=0
[ "$(id -u)" = 0 ] && [ -f /etc/debian_version ] && IS_ROOT_DEBIAN=1
# The real tier runs unless skipped on purpose: ZENITH_SKIP_REAL=1, refused under CI, printed in the summary.
REAL=1
if [ "${ZENITH_SKIP_REAL:-0}" = 1 ]; then
  [ -n "${CI:-}" ] && { echo "zenith: ZENITH_SKIP_REAL=1 is refused under CI: the real tier is part of the proof"; exit 1; }
  REAL=0
elif [ $IS_ROOT_DEBIAN = 0 ]; then
  echo "zenith: the real services tier needs root on Debian; run as root, or set ZENITH_SKIP_REAL=1 to skip it on purpose"; exit 1
fi
EXPECT=unit,sim,e2e-sim,scale-out
[ $REAL = 1 ] && EXPECT=$EXPECT,real,e2e-real
APT="apt-get -o DPkg::Lock::Timeout=900"
if [ $IS_ROOT_DEBIAN = 1 ]; then
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  # CJK glyphs for the zh-CN screenshots (Chromium draws empty boxes without a CJK font).
  dpkg-query -W -f='${Status}' fonts-wqy-microhei 2>/dev/null | grep -q "ok installed" || missing+=(fonts-wqy-microhei)
  [ -x /usr/bin/openstack ] || missing+=(python3-openstackclient)
  # The rollouts lab (HAProxy + nginx + Ansible on loopback) for the rollouts integration test, before any stage.
  [ -x /usr/sbin/haproxy ] || missing+=(haproxy)
  [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
  # The scale-out stage's private PostgreSQL cluster (scripts/postgres.sh).
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
  command -v ansible-playbook >/dev/null || missing+=(ansible-core)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "zenith: apt-get install ${missing[*]}"
    # No packaged service starts from postinst (nginx would take :80 on every address): policy-rc.d says no.
    made_policy=0
    [ -e /usr/sbin/policy-rc.d ] || { printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; made_policy=1; }
    $APT update -q >/dev/null && DEBIAN_FRONTEND=noninteractive $APT install -y -q --no-install-recommends "${missing[@]}" >"$RESULTS/apt.log" 2>&1
    rc=$?
    [ $made_policy = 1 ] && rm -f /usr/sbin/policy-rc.d
    [ $rc = 0 ] || { echo "apt-get install failed:"; tail -20 "$RESULTS/apt.log"; exit 1; }
  fi
fi
[ -x /usr/bin/chromium ] || { echo "zenith: /usr/bin/chromium is missing; run npm test as root on Debian, or apt-get install chromium"; exit 1; }

if [ $REAL = 1 ]; then
  echo "zenith: bringing up the real services tier in the background (log: $RESULTS/real-cloud-up.log)"
  # Its exit status goes to a file: the lane that waits for it runs in a subshell, which can't `wait` for it.
  ( bash scripts/real-cloud/real-cloud.sh install && bash scripts/real-cloud/real-cloud.sh up; echo $? > "$RESULTS/real-cloud-up.rc" ) \
    >"$RESULTS/real-cloud-up.log" 2>&1 &
  trap 'bash scripts/real-cloud/real-cloud.sh down >"$RESULTS/real-cloud-down.log" 2>&1; bash scripts/postgres.sh stop "$PG_DIR" >/dev/null 2>&1' EXIT
else
  trap 'bash scripts/postgres.sh stop "$PG_DIR" >/dev/null 2>&1' EXIT
fi

vitest() { # vitest NAME ARGS...: one vitest run with a JSON report for the summary
  local name=$1; shift
  npx vitest run "$@" --reporter=default --reporter=json --outputFile.json="$RESULTS/$name.vitest.json"
}

step "typecheck" npx tsc --noEmit
step "format and lint (Biome)" npm run -s lint
step "generated API contract" npx tsx scripts/check-generated.ts
step "import rules (dependency-cruiser)" npm run -s check:imports
integration() { ZENITH_TARGET=$1 vitest "$1" --project integration; }
e2e() { # e2e TARGET: the Playwright specs through `next start` against one target
  env CI="${CI:-}" E2E_TARGETS="$1" PLAYWRIGHT_JSON_OUTPUT_NAME="$RESULTS/e2e-$1.playwright.json" npx playwright test --reporter=list,json
}
BUILT=$RESULTS/next-build.done
build() { npx next build && touch "$BUILT"; }
# Two standalone replicas of the build behind HAProxy, with PostgreSQL and the sim (scripts/scale-out, ports 4200..4214).
scale_out() {
  [ -f "$BUILT" ] || { echo "not run: the build failed"; return 1; }
  bash scripts/scale-out/run.sh --reporter=default --reporter=json --outputFile.json="$RESULTS/scale-out.vitest.json"
}

# Two lanes side by side, each stage of a lane after the one before it. The real lane mostly waits on the real
# services (Nova, Cinder, Ceph, agents' heartbeats), so the sim lane uses the cores meanwhile. They share nothing:
# the sim stages start their own embedded clouds and labs (their own ports and data dirs), the real ones use the tier.
#   sim:  unit → integration (sim) → next build → e2e (sim) → scale-out (the build's standalone server, twice)
#   real: wait for the tier → integration (real) → (wait for the build) → e2e (real)
# The data layer's unit tests run on PostgreSQL as well as SQLite: a private cluster (scripts/postgres.sh, Debian's
# package, installed when missing) on 127.0.0.1:${ZENITH_TEST_PG_PORT:-55432}, stopped when the run ends (PG_DIR).
start_pg() {
  local url
  url=$(bash scripts/postgres.sh start "$PG_DIR" "${ZENITH_TEST_PG_PORT:-55432}" 2>"$RESULTS/postgres.log") || { tail -20 "$RESULTS/postgres.log"; return 1; }
  echo "$url" > "$RESULTS/postgres.url"
}
sim_lane() {
  step "PostgreSQL for the data layer's tests" start_pg
  [ -f "$RESULTS/postgres.url" ] && export ZENITH_TEST_DATABASE_URL=$(cat "$RESULTS/postgres.url")
  step "unit tests" vitest unit --project unit
  step "integration tests (sim)" integration sim
  step "next build" build
  step "e2e (Chromium, sim)" e2e sim
  step "scale-out (2 replicas, HAProxy, PostgreSQL)" scale_out
}
real_lane() {
  echo "=== [$(( $(date +%s) - T0 ))s] waiting for the real services tier"
  while [ ! -f "$RESULTS/real-cloud-up.rc" ]; do sleep 5; done
  if [ "$(cat "$RESULTS/real-cloud-up.rc")" != 0 ]; then
    echo "=== the real services tier did not come up; last lines of its log:"; tail -60 "$RESULTS/real-cloud-up.log"
    echo "real services tier" >> "$FAILED_FILE"; return
  fi
  tail -30 "$RESULTS/real-cloud-up.log"
  step "integration tests (real)" integration real
  # e2e runs the built app: wait for the sim lane's build (it ends in a file when it succeeded, or in a failure).
  while [ ! -f "$BUILT" ] && ! grep -qx "next build" "$FAILED_FILE"; do sleep 5; done
  if [ -f "$BUILT" ]; then step "e2e (Chromium, real)" e2e real; else echo "=== e2e (Chromium, real): not run, the build failed"; echo "e2e (Chromium, real)" >> "$FAILED_FILE"; fi
}
# Each lane's lines carry its name, so the interleaved log still reads lane by lane.
sim_lane 2>&1 | sed -u 's/^/[sim]  /' &
SIM_LANE=$!
if [ $REAL = 1 ]; then real_lane 2>&1 | sed -u 's/^/[real] /'; fi
wait "$SIM_LANE"

echo; echo "=== [$(( $(date +%s) - T0 ))s] summary"
[ $REAL = 0 ] && echo "!!! ZENITH_SKIP_REAL=1: the real services tier was SKIPPED — integration and e2e ran against the sim only !!!"
npx tsx scripts/test-summary.ts "$RESULTS" --expect "$EXPECT" || echo "summary: a stage is missing, empty or all skipped" >> "$FAILED_FILE"
echo "stage times: $(paste -sd ';' "$RESULTS/stage-times" 2>/dev/null); total $(( $(date +%s) - T0 )) s"
if [ -s "$FAILED_FILE" ]; then
  echo "failed stages: $(paste -sd ';' "$FAILED_FILE")"
  exit 1
fi
