#!/usr/bin/env bash
# `make demo`: the CornLake platform end to end. `lagoa demo` generates CornLake's operational
# databases (SQLite), ingests two execution dates into SOR, runs the SOT/SPEC models with their
# tests (write-audit-publish) and prints a summary; then a few commands a user would run inside
# the project folder it made (./lagoa-demo).
#
#   demo.sh [PATH-TO-lagoa]     (default: .build/release/lagoa)
#   LAGOA_DEMO_SCALE=0.1 demo.sh   (default scale 1: about a million rows)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
lagoa=${1:-$root/.build/release/lagoa}
if [ ! -x "$lagoa" ]; then
    echo "demo: no lagoa binary at $lagoa; run 'make demo' (or: swift build -c release --product lagoa)" >&2
    exit 1
fi
lagoa="$(cd "$(dirname "$lagoa")" && pwd)/$(basename "$lagoa")"
cd "$root"

run() {
    echo
    echo "\$ lagoa $*"
    "$lagoa" "$@"
}

run demo --dir ./lagoa-demo --scale "${LAGOA_DEMO_SCALE:-1}"
cd lagoa-demo
run validate
run ls
run runs --limit 4
run query "SELECT month, crop, revenue FROM sales.spec.revenue_by_crop_month WHERE month >= DATE '2026-09-01' ORDER BY month DESC, revenue DESC LIMIT 6"
run query "SELECT customer_id, name, email, cpf, phone FROM sales.sot.customers ORDER BY customer_id LIMIT 3"
run test
echo
echo "demo: the project is in $root/lagoa-demo; 'cd lagoa-demo && $lagoa sql' to explore"
