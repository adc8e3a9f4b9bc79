#!/usr/bin/env bash
# `make bench-tpch`: TPC-H SF1 (SF=… to change) in Lagoa and DuckDB at 2 threads, each engine in its
# own process, one warm-up then best of 3; prints a markdown table for BENCHMARKS.md.
#
# Data: scripts/tpch/generate.sh (tpchgen-cli, cached in .build-cache/tpch/sf$SF). Lagoa reads the
# tables as Iceberg tables loaded once (timed) into .build-cache/tpch/sf$SF-warehouse; DuckDB reads
# the Parquet files. Lagoa runs through the release build of Benchmarks' lagoa-bench (`tpch` command).
# DUCKDB_ONLY=1 skips the Lagoa half (and its release build).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
SF="${SF:-1}"
THREADS="${THREADS:-2}"
RUNS="${RUNS:-3}"
scripts/venv.sh "$root/.venv" "$root/scripts/requirements-test.txt"
data=$(LAGOA_TPCH_DIR="${LAGOA_TPCH_DIR:-$root/.build-cache/tpch/sf$SF}" scripts/tpch/generate.sh "$SF")
warehouse="$root/.build-cache/tpch/sf$SF-warehouse"
lagoa_args=()
if [ "${DUCKDB_ONLY:-0}" != "1" ]; then
    # SwiftPM caches the root package's file list inside Benchmarks/.build; a newer manifest
    # makes it list Sources/ again, so files added since the last benchmark build are seen.
    touch "$root/Benchmarks/Package.swift"
    swift build --package-path Benchmarks -c release --product lagoa-bench
    bench="$(swift build --package-path Benchmarks -c release --show-bin-path)/lagoa-bench"
    # A warehouse loaded by an older build is reloaded: the marker is removed when the binary is newer.
    if [ -f "$warehouse/.tpch-loaded" ] && [ "$bench" -nt "$warehouse/.tpch-loaded" ]; then
        rm -rf "$warehouse"
    fi
    mkdir -p "$warehouse"
    lagoa_args=(--lagoa-bench "$bench" --warehouse "$warehouse")
fi
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
.venv/bin/python scripts/bench/bench_tpch.py --data "$data" --queries "$root/TestData/tpch/queries" \
    --threads "$THREADS" --runs "$RUNS" --scale-factor "$SF" "${lagoa_args[@]}"
