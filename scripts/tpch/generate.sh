#!/usr/bin/env bash
# Generates TPC-H data as Parquet with tpchgen-cli from .venv/ (pinned in scripts/requirements-test.txt).
#
#   scripts/tpch/generate.sh [SCALE_FACTOR]      default 0.1
#
# Output: $LAGOA_TPCH_DIR if set, else .build-cache/tpch/sf<SCALE_FACTOR>/, holding region, nation,
# supplier, customer, part, partsupp, orders and lineitem .parquet (one file per table, TPC-H column
# types: BIGINT keys, DECIMAL(15,2) money, DATE dates, VARCHAR strings). Idempotent: a complete
# folder (marked by .complete) is left alone; an interrupted one is regenerated. Prints the folder.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SF="${1:-0.1}"
OUT="${LAGOA_TPCH_DIR:-$ROOT/.build-cache/tpch/sf$SF}"
GEN="${TPCHGEN:-$ROOT/.venv/bin/tpchgen-cli}"

if [ -f "$OUT/.complete" ] && [ "$(cat "$OUT/.complete")" = "sf=$SF" ]; then
    echo "$OUT"
    exit 0
fi
if [ ! -x "$GEN" ]; then
    echo "generate.sh: $GEN not found; run \`make venv\` (tpchgen-cli is pinned in scripts/requirements-test.txt)" >&2
    exit 1
fi
mkdir -p "$OUT"
rm -f "$OUT/.complete" "$OUT"/*.parquet
"$GEN" parquet --scale-factor "$SF" --output-dir "$OUT" --overwrite >&2
for table in region nation supplier customer part partsupp orders lineitem; do
    if [ ! -s "$OUT/$table.parquet" ]; then
        echo "generate.sh: $OUT/$table.parquet was not written" >&2
        exit 1
    fi
done
echo "sf=$SF" > "$OUT/.complete"
echo "$OUT"
