#!/usr/bin/env bash
# PLACEHOLDER, to be replaced by the Parquet benchmark script (`make bench-parquet`, results in
# BENCHMARKS.md). It does nothing yet and fails so nobody mistakes it for a benchmark run.
echo "bench-parquet: not yet implemented (scripts/bench-parquet.sh is a placeholder)" >&2
exit 1
