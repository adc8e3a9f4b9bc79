"""Parquet read/write benchmark: Lagoa against pyarrow (and DuckDB as a reference), same data, one run.

Usage: bench_parquet.py --lagoa-bench PATH [--data DIR] [--repeat N]

Data: TPC-H lineitem at scale factor 1 (6,001,215 rows) from tpchgen-cli, rewritten once by pyarrow
with its defaults (SNAPPY, 1 Mi-row row groups, dictionary on) so both readers read the same
standard file. Every figure is the best of N runs (wall clock, page cache warm).
"""

import argparse
import json
import os
import subprocess
import sys
import time

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

PROJECTION = ["l_orderkey", "l_extendedprice", "l_shipdate"]


def best_of(n, fn):
    best = float("inf")
    result = None
    for _ in range(n):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def prepare(data):
    os.makedirs(data, exist_ok=True)
    source = os.path.join(data, "lineitem.parquet")
    standard = os.path.join(data, "lineitem_snappy.parquet")
    if not os.path.exists(source):
        subprocess.run([os.path.join(os.path.dirname(sys.executable), "tpchgen-cli"), "parquet", "-s", "1",
                        "--tables=lineitem", f"--output-dir={data}"], check=True)
    if not os.path.exists(standard):
        table = pq.read_table(source)
        schema = pa.schema([pa.field(f.name, pa.string() if pa.types.is_string_view(f.type) else f.type) for f in table.schema])
        pq.write_table(table.cast(schema), standard)
    return standard


def lagoa(bench, *args):
    out = subprocess.run([bench, *args], check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lagoa-bench", required=True)
    parser.add_argument("--data", default=".bench-data")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", default=None, help="also write the results here")
    args = parser.parse_args()
    path = prepare(args.data)
    table = pq.read_table(path)
    rows = table.num_rows
    logical_mb = table.nbytes / 1e6
    rows_out = []

    def record(op, engine, threads, seconds, file_mb=None):
        rows_out.append({"op": op, "engine": engine, "threads": threads, "seconds": seconds,
                         "mrows_per_s": rows / seconds / 1e6, "logical_mb_per_s": logical_mb / seconds,
                         "file_mb": file_mb})

    for codec in ["snappy", "zstd"]:
        out = os.path.join(args.data, f"pyarrow_{codec}.parquet")
        for threads in (1, 2):
            pa.set_cpu_count(threads)
            t, _ = best_of(args.repeat, lambda: pq.write_table(table, out, compression=codec))
            record(f"write {codec}", "pyarrow", threads, t, os.path.getsize(out) / 1e6)
            lout = os.path.join(args.data, f"lagoa_{codec}.parquet")
            r = lagoa(args.lagoa_bench, "write", path, lout, "--compression", codec, "--threads", str(threads), "--repeat", str(args.repeat))
            record(f"write {codec}", "lagoa", threads, r["seconds"], os.path.getsize(lout) / 1e6)

    for label, columns in [("read all", None), ("read 3 columns", PROJECTION)]:
        for threads in (1, 2):
            # 1 thread = use_threads=False (pyarrow's own single-threaded mode); its I/O thread pool
            # is left at the default, which favours pyarrow (limiting it made pyarrow 1.6x slower).
            pa.set_cpu_count(threads)
            t, _ = best_of(args.repeat, lambda: pq.read_table(path, columns=columns, use_threads=threads > 1))
            record(label, "pyarrow", threads, t)
            extra = ["--columns", ",".join(columns)] if columns else []
            r = lagoa(args.lagoa_bench, "read", path, "--threads", str(threads), "--repeat", str(args.repeat), *extra)
            assert r["rows"] == rows, r
            record(label, "lagoa", threads, r["seconds"])

    for threads in (1, 2):
        con = duckdb.connect()
        con.execute(f"SET threads = {threads}")
        query = f"SELECT sum(l_extendedprice), count(*) FROM read_parquet('{path}')"
        t, _ = best_of(args.repeat, lambda: con.execute(query).fetchall())
        record("sum(l_extendedprice), count(*)", "duckdb", threads, t)

    print(f"lineitem SF1: {rows:,} rows, {logical_mb:,.1f} MB in Arrow, file {os.path.getsize(path) / 1e6:,.1f} MB (pyarrow snappy)")
    print(f"{'operation':34} {'engine':8} {'thr':>3} {'seconds':>8} {'M rows/s':>9} {'MB/s':>8} {'file MB':>8} {'lagoa/pyarrow':>14}")
    for r in rows_out:
        ratio = ""
        if r["engine"] == "lagoa":
            peer = next(p for p in rows_out if p["engine"] == "pyarrow" and p["op"] == r["op"] and p["threads"] == r["threads"])
            ratio = f"{peer['seconds'] / r['seconds']:.2f}x"
        file_mb = f"{r['file_mb']:.1f}" if r["file_mb"] else ""
        print(f"{r['op']:34} {r['engine']:8} {r['threads']:>3} {r['seconds']:8.3f} {r['mrows_per_s']:9.2f} {r['logical_mb_per_s']:8.0f} {file_mb:>8} {ratio:>14}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(rows_out, f, indent=1)


if __name__ == "__main__":
    main()
