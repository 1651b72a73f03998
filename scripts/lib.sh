# Shared shell helpers for the project's scripts. Source it; don't run it.

# Installs npm packages when node_modules is missing or older than the lock file.
ensure_node_modules() {
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "zenith: installing npm packages (npm ci)"
    npm ci --no-audit --no-fund
  fi
}

# True when the Next build is missing or older than any source file.
needs_build() {
  [ -f .next/BUILD_ID ] || return 0
  [ -n "$(find app components lib bff next.config.mjs instrumentation.ts proxy.ts package-lock.json -newer .next/BUILD_ID -type f 2>/dev/null | head -1)" ]
}

# wait_http NAME URL SECONDS: polls until the URL answers at all (any HTTP status).
wait_http() {
  local name=$1 url=$2 secs=${3:-60} i
  for ((i = 0; i < secs * 5; i++)); do
    if curl -s -o /dev/null --max-time 2 "$url"; then return 0; fi
    sleep 0.2
  done
  echo "zenith: $name did not answer at $url within ${secs}s" >&2
  return 1
}

# Starts a command in its own process group; prints its PID.
start_group() {
  local log=$1; shift
  setsid "$@" >"$log" 2>&1 < /dev/null &
  echo $!
}

# Stops a process group started by start_group, by PID: TERM, then KILL after 10 s.
stop_group() {
  local pid=$1 i
  [ -n "$pid" ] || return 0
  kill -TERM -- "-$pid" 2>/dev/null || return 0
  for ((i = 0; i < 50; i++)); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.2; done
  kill -KILL -- "-$pid" 2>/dev/null || true
}

# ensure_system_user NAME: creates a system user and group NAME (no home, no login) when missing.
ensure_system_user() {
  id -u "$1" > /dev/null 2>&1 && return 0
  useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$1"
  echo "zenith: created system user $1" >&2
}
