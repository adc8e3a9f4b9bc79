#!/usr/bin/env bash
# Creates or updates the Python environment of the interop tests (make venv).
#
#   venv.sh VENV REQUIREMENTS
#
# VENV/.lagoa-stamp holds the SHA-256 of REQUIREMENTS once they are installed; nothing happens while
# it matches. When it does not, pip runs only if an installed version differs from a pin, so an
# up-to-date environment is re-stamped without network access.
set -euo pipefail

venv=${1:?usage: venv.sh VENV REQUIREMENTS}
requirements=${2:?usage: venv.sh VENV REQUIREMENTS}
stamp="$venv/.lagoa-stamp"
python3=${PYTHON3:-python3}

hash=$(sha256sum "$requirements" | cut -d' ' -f1)
if [ -x "$venv/bin/python" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$hash" ]; then
    echo "venv: $venv is up to date"
    exit 0
fi

if [ ! -x "$venv/bin/python" ]; then
    echo "venv: creating $venv with $("$python3" --version 2>&1)"
    "$python3" -m venv "$venv"
fi

# Exact pins (NAME==VERSION) that the environment already satisfies need no pip run.
satisfied=$("$venv/bin/python" - "$requirements" <<'PY'
import sys
from importlib import metadata

ok = True
for line in open(sys.argv[1]):
    line = line.split("#", 1)[0].strip()
    if not line:
        continue
    name, sep, version = line.partition("==")
    try:
        ok &= bool(sep) and metadata.version(name.strip()) == version.strip()
    except metadata.PackageNotFoundError:
        ok = False
print("yes" if ok else "no")
PY
)

if [ "$satisfied" != "yes" ]; then
    echo "venv: installing $(grep -v '^#' "$requirements" | xargs)"
    "$venv/bin/python" -m pip install --disable-pip-version-check --quiet -r "$requirements"
fi
echo "$hash" > "$stamp"
echo "venv: $venv is ready"
