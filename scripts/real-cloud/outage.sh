#!/usr/bin/env bash
# outage.sh NAME PORT MODE — a bounded outage of one real-tier service, for the fault tests.
#   stop:    SIGSTOP the service's process group (pids/NAME.pid's group: its uwsgi master and workers, ceph-mgr, ...):
#            it accepts connections and never answers (a hang past any timeout).
#   refuse:  an iptables rule on loopback answers PORT with a TCP reset: connections are refused, as with the process gone.
#   restore: undo both at once (SIGCONT the group, drop the rule); idempotent, for a caller's finally.
# Prints "out" once the outage is in place, then restores the service when a line arrives on stdin, stdin closes
# (the test ended or died), this script is signalled, or 25 s pass, whichever is first. Run it under
# `flock /tmp/zenith-real-fault.lock` so one outage at a time hits the shared tier.
set -u
name=$1 port=$2 mode=$3
DIR=${ZENITH_REAL_DIR:-/tmp/zenith-real}
pid=$(cat "$DIR/pids/$name.pid")
[ -n "$pid" ] && kill -0 "$pid" || { echo "no live $name" >&2; exit 1; }
# The process group: the pid itself for what lib.sh `start`ed (setsid); a daemonized uwsgi (the keystone pool's
# instances) leads no group, its master sits in the group of the session its daemonize made.
pgid=$(ps -o pgid= -p "$pid" | tr -d ' ')
case $pgid in ''|0|1|"$(ps -o pgid= -p $$ | tr -d ' ')") echo "$name: refusing to signal process group '$pgid'" >&2; exit 1 ;; esac
rule=(INPUT -i lo -p tcp --dport "$port" -j REJECT --reject-with tcp-reset)
cont() { kill -CONT -- "-$pgid" 2>/dev/null || true; }
unrule() { while iptables -C "${rule[@]}" 2>/dev/null; do iptables -D "${rule[@]}"; done; }
case $mode in
  restore)
    cont; unrule
    # nothing of the group may be left stopped (T): a caller's finally relies on this answer
    left=$(ps -eo pgid=,stat= | awk -v g="$pgid" '$1 == g && $2 ~ /^T/' | wc -l)
    [ "$left" = 0 ] || { echo "$name: $left processes of group $pgid still stopped" >&2; exit 4; }
    exit 0 ;;
  stop) trap cont EXIT ;;
  refuse) trap unrule EXIT ;;
  *) echo "mode must be stop, refuse or restore" >&2; exit 2 ;;
esac
# A signal ends the script through its EXIT trap, so the service is restored whichever way the holder goes.
trap 'exit 143' TERM INT HUP PIPE
case $mode in
  stop) kill -STOP -- "-$pgid" ;;
  refuse) iptables -I "${rule[@]}" ;;
esac
echo out
read -r -t 25 _ || true
