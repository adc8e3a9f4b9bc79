#!/usr/bin/env bash
# `make bench-catalog`: Lagoa's commit rate against PyIceberg's SqlCatalog (issue 4), in one run.
# Builds the Benchmarks package in release mode. Record the printed table in BENCHMARKS.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/venv.sh "$root/.venv" "$root/scripts/requirements-test.txt"
# SwiftPM caches the root package's file list inside Benchmarks/.build; a newer manifest
# makes it list Sources/ again, so files added since the last benchmark build are seen.
touch "$root/Benchmarks/Package.swift"
swift build --package-path Benchmarks -c release --product lagoa-bench
bench="$(swift build --package-path Benchmarks -c release --show-bin-path)/lagoa-bench"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
.venv/bin/python scripts/bench/bench_catalog.py --lagoa-bench "$bench" --appends "${APPENDS:-200}" --rows "${ROWS:-1000}"
