#!/usr/bin/python3
"""Tiny HAProxy runtime-API client (no socat needed).

  hapctl.py SOCK raw 'show servers state web'   print the raw answer
  hapctl.py SOCK status BACKEND SRV [SRV...]    print the 'status' column of 'show stat' per server
                                                (UP, DOWN, 'UP 1/2', 'DOWN 1/2', MAINT, ...)
"""
import csv
import io
import socket
import sys


def cmd(sock, line):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(2)
    s.connect(sock)
    s.sendall((line + "\n").encode())
    out = b""
    while True:
        b = s.recv(65536)
        if not b:
            break
        out += b
    s.close()
    return out.decode()


def main():
    sock, op = sys.argv[1], sys.argv[2]
    if op == "raw":
        sys.stdout.write(cmd(sock, sys.argv[3]))
    elif op == "status":
        rows = csv.DictReader(io.StringIO(cmd(sock, "show stat").lstrip("# ")))
        st = {(r["pxname"], r["svname"]): r["status"] for r in rows}
        print(" ".join(st.get((sys.argv[3], s), "?") for s in sys.argv[4:]))
    else:
        sys.exit("usage: hapctl.py SOCK raw CMD | status BACKEND SRV...")


if __name__ == "__main__":
    main()
