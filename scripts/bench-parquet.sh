#!/usr/bin/env bash
# `make bench-parquet`: Lagoa against pyarrow (and DuckDB as a reference) on TPC-H lineitem SF1, in
# one run on the same file. Builds the Benchmarks package in release mode; data is generated once
# into .bench-data/ (never committed). Record the printed table in BENCHMARKS.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/venv.sh "$root/.venv" "$root/scripts/requirements-test.txt"
[ -x .venv/bin/tpchgen-cli ] || .venv/bin/pip install -q -r scripts/requirements-bench.txt
# SwiftPM caches the root package's file list inside Benchmarks/.build; a newer manifest
# makes it list Sources/ again, so files added since the last benchmark build are seen.
touch "$root/Benchmarks/Package.swift"
swift build --package-path Benchmarks -c release --product lagoa-bench
bench="$(swift build --package-path Benchmarks -c release --show-bin-path)/lagoa-bench"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
.venv/bin/python scripts/bench/bench_parquet.py --lagoa-bench "$bench" --data "$root/.bench-data" --repeat "${REPEAT:-3}" --json "$root/.bench-data/results.json"
