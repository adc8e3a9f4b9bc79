#!/usr/bin/env bash
# `make bench-ingest`: TPC-H lineitem (SF=1: 6,001,215 rows) in a throwaway PostgreSQL 15, extracted
# three ways in one run on the same machine, one warm-up then best of $RUNS:
#   1. raw `COPY (SELECT * FROM lineitem) TO STDOUT (FORMAT binary)` by psql into /dev/null;
#   2. the fastest Python route to a Parquet file (connectorx and ADBC, both with pyarrow, zstd);
#   3. `lagoa ingest postgresql://… --tables lineitem` into an Iceberg SOR table (release build).
# Prints rows/s and the ratios; results go to BENCHMARKS.md by hand.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
SF="${SF:-1}"
RUNS="${RUNS:-3}"
scripts/venv.sh "$root/.venv" "$root/scripts/requirements-test.txt"
.venv/bin/pip install -q -r scripts/requirements-bench.txt
data=$(LAGOA_TPCH_DIR="${LAGOA_TPCH_DIR:-$root/.build-cache/tpch/sf$SF}" scripts/tpch/generate.sh "$SF")
swift build -c release --product lagoa
lagoa="$(swift build -c release --show-bin-path)/lagoa"

bin=$(pg_config --bindir 2>/dev/null || echo /usr/lib/postgresql/15/bin)
work=$(mktemp -d "${TMPDIR:-/tmp}/lagoa-bench-ingest.XXXXXX")
as_pg=()
if [ "$(id -u)" = 0 ]; then
    chown postgres "$work"
    as_pg=(runuser -u postgres --)
fi
port=$(.venv/bin/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cleanup() {
    "${as_pg[@]}" "$bin/pg_ctl" -D "$work/data" stop -m immediate >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
"${as_pg[@]}" "$bin/initdb" -D "$work/data" -U postgres --auth=trust -E UTF8 --locale=C >/dev/null
"${as_pg[@]}" "$bin/pg_ctl" -D "$work/data" -l "$work/server.log" -w -o \
    "-p $port -k $work -c listen_addresses=127.0.0.1 -c fsync=off -c shared_buffers=2GB -c max_wal_size=8GB" start >/dev/null
psql=(psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q)
"${psql[@]}" -c "CREATE TABLE lineitem (
    l_orderkey bigint NOT NULL, l_partkey bigint NOT NULL, l_suppkey bigint NOT NULL, l_linenumber integer NOT NULL,
    l_quantity numeric(15,2) NOT NULL, l_extendedprice numeric(15,2) NOT NULL, l_discount numeric(15,2) NOT NULL,
    l_tax numeric(15,2) NOT NULL, l_returnflag char(1) NOT NULL, l_linestatus char(1) NOT NULL, l_shipdate date NOT NULL,
    l_commitdate date NOT NULL, l_receiptdate date NOT NULL, l_shipinstruct char(25) NOT NULL, l_shipmode char(10) NOT NULL,
    l_comment varchar(44) NOT NULL)"
echo "loading lineitem SF$SF into PostgreSQL…" >&2
.venv/bin/python -c "
import duckdb, sys
duckdb.sql(\"COPY (SELECT * FROM '$data/lineitem.parquet') TO '$work/lineitem.csv' (HEADER false)\")
"
"${psql[@]}" -c "\\copy lineitem FROM '$work/lineitem.csv' (FORMAT csv)"
rm -f "$work/lineitem.csv"
"${psql[@]}" -c "VACUUM ANALYZE lineitem" -c "CHECKPOINT"

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
.venv/bin/python scripts/bench/bench_ingest.py --port "$port" --lagoa "$lagoa" --work "$work" --runs "$RUNS"
