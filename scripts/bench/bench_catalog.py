#!/usr/bin/env python3
"""`make bench-catalog`: N sequential appends of R rows to one table, with Lagoa and with PyIceberg's
SqlCatalog on SQLite (same machine, same kind of catalog, each in a fresh folder), then a full scan
of each table. Prints commits/s and the ratio."""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import pyarrow as pa


def pyiceberg_run(folder, appends, rows):
    from pyiceberg.catalog.sql import SqlCatalog
    from pyiceberg.schema import Schema
    from pyiceberg.types import NestedField, LongType, StringType, DoubleType

    catalog = SqlCatalog("lagoa", uri=f"sqlite:///{folder}/catalog.db", warehouse=f"file://{folder}/warehouse")
    catalog.create_namespace("bench")
    schema = Schema(
        NestedField(1, "id", LongType(), required=False),
        NestedField(2, "name", StringType(), required=False),
        NestedField(3, "amount", DoubleType(), required=False),
    )
    table = catalog.create_table("bench.appends", schema=schema)
    arrow_schema = pa.schema([("id", pa.int64()), ("name", pa.string()), ("amount", pa.float64())])
    append_seconds = 0.0
    start = time.perf_counter()
    for k in range(appends):
        batch = pa.table({
            "id": list(range(k * rows, (k + 1) * rows)),
            "name": [f"customer-{i % 97}" for i in range(rows)],
            "amount": [i * 0.25 for i in range(rows)],
        }, schema=arrow_schema)
        t0 = time.perf_counter()
        table.append(batch)
        append_seconds += time.perf_counter() - t0
    total = time.perf_counter() - start
    t0 = time.perf_counter()
    scanned = catalog.load_table("bench.appends").scan().to_arrow().num_rows
    return {"appends": appends, "rows": scanned, "append_seconds": append_seconds, "total_seconds": total,
            "commits_per_second": appends / append_seconds, "scan_seconds": time.perf_counter() - t0}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lagoa-bench", required=True)
    parser.add_argument("--appends", type=int, default=200)
    parser.add_argument("--rows", type=int, default=1000)
    args = parser.parse_args()
    base = tempfile.mkdtemp(prefix="lagoa-bench-catalog-")
    try:
        lagoa_dir = os.path.join(base, "lagoa")
        py_dir = os.path.join(base, "pyiceberg")
        os.makedirs(lagoa_dir)
        os.makedirs(py_dir)
        out = subprocess.run([args.lagoa_bench, "catalog", lagoa_dir, "--appends", str(args.appends), "--rows", str(args.rows)],
                             check=True, capture_output=True, text=True).stdout
        lagoa = json.loads(out.strip().splitlines()[-1])
        py = pyiceberg_run(py_dir, args.appends, args.rows)
    finally:
        shutil.rmtree(base, ignore_errors=True)
    print(f"{args.appends} sequential appends of {args.rows} rows, SQLite catalog, local warehouse")
    print(f"{'':12}{'commits/s':>12}{'append s':>10}{'scan s':>9}{'rows':>9}")
    for name, r in (("lagoa", lagoa), ("pyiceberg", py)):
        print(f"{name:12}{r['commits_per_second']:12.1f}{r['append_seconds']:10.2f}{r['scan_seconds']:9.3f}{r['rows']:9d}")
    print(f"commit rate ratio (lagoa / pyiceberg): {lagoa['commits_per_second'] / py['commits_per_second']:.1f}x")
    print(f"scan ratio (pyiceberg time / lagoa time): {py['scan_seconds'] / lagoa['scan_seconds']:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
