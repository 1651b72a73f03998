#!/usr/bin/python3
"""HAProxy reader and the runner's capacity gate, for rolling.yml (no socat needed).

  hapctl.py (--socket SOCK | --csv URL) status BACKEND SRV [SRV...]   the 'status' column per server
  hapctl.py (--socket SOCK | --csv URL) wait BACKEND SRV UP|DOWN [--timeout S]
                                      polls every 100 ms until the server is UP (exactly) or DOWN/MAINT
  hapctl.py gate DIR HOST [--timeout S]
                                      writes DIR/HOST.req and waits for the runner's answer:
                                      DIR/HOST.go (exit 0) or DIR/STOP (prints the reason, exit 1)
"""
import argparse
import csv
import io
import os
import socket
import sys
import time
import urllib.request


def read_stat(args):
    if args.socket:
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.settimeout(2)
        s.connect(args.socket)
        s.sendall(b"show stat\n")
        out = b""
        while True:
            b = s.recv(65536)
            if not b:
                break
            out += b
        s.close()
        text = out.decode()
    else:
        with urllib.request.urlopen(args.csv, timeout=2) as r:
            text = r.read().decode()
    rows = csv.DictReader(io.StringIO(text.lstrip("# ")))
    return {(r["pxname"], r["svname"]): r["status"] for r in rows}


def is_state(status, want):
    if want == "UP":
        return status == "UP"
    return status.startswith("DOWN") and "/" not in status or status.startswith("MAINT")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--socket")
    p.add_argument("--csv")
    sub = p.add_subparsers(dest="op", required=True)
    st = sub.add_parser("status")
    st.add_argument("backend")
    st.add_argument("servers", nargs="+")
    wt = sub.add_parser("wait")
    wt.add_argument("backend")
    wt.add_argument("server")
    wt.add_argument("state", choices=["UP", "DOWN"])
    wt.add_argument("--timeout", type=float, default=30)
    gt = sub.add_parser("gate")
    gt.add_argument("dir")
    gt.add_argument("host")
    gt.add_argument("--timeout", type=float, default=60)
    args = p.parse_args()

    if args.op == "gate":
        stop, go = os.path.join(args.dir, "STOP"), os.path.join(args.dir, args.host + ".go")
        with open(os.path.join(args.dir, args.host + ".req"), "w") as f:
            f.write(str(time.time()))
        end = time.time() + args.timeout
        while time.time() < end:
            if os.path.exists(stop):
                sys.exit("stopped by the runner: " + open(stop).read().strip())
            if os.path.exists(go):
                print("go")
                return
            time.sleep(0.05)
        sys.exit("no answer from the runner's capacity gate within %ss" % args.timeout)

    if not (args.socket or args.csv):
        sys.exit("hapctl: --socket or --csv is required")
    if args.op == "status":
        st = read_stat(args)
        print(" ".join(st.get((args.backend, s), "?") for s in args.servers))
        return
    end = time.time() + args.timeout
    last = "?"
    while time.time() < end:
        try:
            last = read_stat(args).get((args.backend, args.server), "?")
        except OSError as e:
            last = "unreadable (%s)" % e
        if is_state(last, args.state):
            print(last)
            return
        time.sleep(0.1)
    sys.exit("HAProxy still reports %s/%s as %s after %ss (waiting for %s)" % (args.backend, args.server, last, args.timeout, args.state))


if __name__ == "__main__":
    main()
