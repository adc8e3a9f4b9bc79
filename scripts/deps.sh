#!/usr/bin/env bash
# Installs the Debian packages named as arguments that are not installed yet (make deps).
# Idempotent: does nothing, and needs no network or root, when everything is present.
set -euo pipefail

if [ "$#" -eq 0 ]; then
    echo "usage: $0 PACKAGE..." >&2
    exit 2
fi

if ! command -v dpkg >/dev/null 2>&1; then
    echo "deps: no dpkg here (not Debian/Ubuntu); install these yourself if the build needs them: $*"
    exit 0
fi

missing=()
for package in "$@"; do
    if ! dpkg -s "$package" 2>/dev/null | grep -q '^Status: install ok installed'; then
        missing+=("$package")
    fi
done

if [ "${#missing[@]}" -eq 0 ]; then
    echo "deps: all present ($*)"
    exit 0
fi

echo "deps: installing ${missing[*]}"
as_root=()
if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
        echo "deps: not root and no sudo; as root run: apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
    # Without a terminal (CI), never wait for a password prompt.
    if [ -t 0 ]; then as_root=(sudo); else as_root=(sudo -n); fi
fi
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
