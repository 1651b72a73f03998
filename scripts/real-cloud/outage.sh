#!/usr/bin/env bash
# outage.sh NAME PORT MODE — a bounded outage of one real-tier service, for the fault tests.
#   stop:   SIGSTOP the service's process group (it was started with setsid): it accepts connections and never answers.
#   refuse: an iptables rule on loopback answers PORT with a TCP reset: connections are refused, as with the process gone.
# Prints "out" once the outage is in place, then restores the service when a line arrives on stdin, stdin closes
# (the test ended or died) or 25 s pass, whichever is first. Run it under `flock /tmp/zenith-real-fault.lock` so
# one outage at a time hits the shared tier.
set -u
name=$1 port=$2 mode=$3
DIR=${ZENITH_REAL_DIR:-/tmp/zenith-real}
pid=$(cat "$DIR/pids/$name.pid")
[ -n "$pid" ] && kill -0 "$pid" || { echo "no live $name" >&2; exit 1; }
rule=(INPUT -i lo -p tcp --dport "$port" -j REJECT --reject-with tcp-reset)
restore() {
  case $mode in
    stop) kill -CONT -- "-$pid" ;;
    refuse) while iptables -C "${rule[@]}" 2>/dev/null; do iptables -D "${rule[@]}"; done ;;
  esac
}
trap restore EXIT
case $mode in
  stop) kill -STOP -- "-$pid" ;;
  refuse) iptables -I "${rule[@]}" ;;
  *) echo "mode must be stop or refuse" >&2; exit 2 ;;
esac
echo out
read -r -t 25 _ || true
