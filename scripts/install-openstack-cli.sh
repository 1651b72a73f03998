#!/usr/bin/env bash
# Installs Debian's `openstack` CLI (python3-openstackclient), the real client the sim's fidelity test drives
# (sim/fidelity/openstack-cli.int.test.ts). Idempotent; acts only as root on Debian, otherwise says why and
# exits 0 so callers (CI, scripts/test.sh) can run it unconditionally. Run it with /usr/bin/python3 in mind:
# a pyenv python3 may come first in PATH, so the test calls `/usr/bin/python3 /usr/bin/openstack`.
set -euo pipefail

PKG=python3-openstackclient

if [ -x /usr/bin/openstack ] && [ "$(dpkg-query -W -f='${db:Status-Status}' "$PKG" 2>/dev/null || true)" = installed ]; then
  echo "install-openstack-cli: $PKG already installed ($(dpkg-query -W -f='${Version}' "$PKG"))"
  exit 0
fi
if [ ! -r /etc/debian_version ] || ! command -v apt-get > /dev/null; then
  echo "install-openstack-cli: not Debian (no /etc/debian_version or apt-get); skipping" >&2
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-openstack-cli: not root; skipping (run: sudo apt-get install -y $PKG)" >&2
  exit 0
fi

# Another apt run (e.g. scripts/real-cloud install) may hold the lock; wait for it rather than fail.
APT=(env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 -q)
if ! apt-cache show "$PKG" > /dev/null 2>&1; then "${APT[@]}" update -qq; fi
"${APT[@]}" install -y --no-install-recommends "$PKG"
/usr/bin/python3 /usr/bin/openstack --version
