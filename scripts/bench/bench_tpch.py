#!/usr/bin/env python3
"""Driver of `make bench-tpch`: TPC-H in Lagoa and DuckDB, each engine in its own process.

  bench_tpch.py --data DIR --queries DIR [--lagoa-bench PATH --warehouse DIR] [--threads 2] [--runs 3]

Lagoa: `lagoa-bench tpch load DATA WAREHOUSE` (timed once, skipped when the warehouse already
holds the tables) then `lagoa-bench tpch run WAREHOUSE q01.sql … q22.sql`. DuckDB:
`duckdb_oracle.py bench` over views on the same Parquet files. Both: one warm-up, best of --runs,
at --threads threads. Prints a markdown table for BENCHMARKS.md: per-query best times, the ratio
Lagoa/DuckDB, totals, the geometric mean of the ratios and each engine's peak RSS. A Lagoa query
that fails shows its error instead of a time (and is left out of the totals).
"""

import argparse
import json
import math
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def json_lines(text):
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("{"):
            out.append(json.loads(line))
    return out


def run(command):
    print("+ " + " ".join(command), file=sys.stderr, flush=True)
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        print(result.stderr, file=sys.stderr)
    return result


def duckdb_half(args, queries):
    command = [sys.executable, os.path.join(ROOT, "scripts/interop/duckdb_oracle.py"), "bench", "--data", args.data,
               "--threads", str(args.threads), "--runs", str(args.runs)] + queries
    result = run(command)
    if result.returncode != 0:
        sys.exit("DuckDB half failed")
    lines = json_lines(result.stdout)
    times = {l["id"]: l for l in lines if "id" in l}
    rss = next((l["peak_rss_bytes"] for l in lines if "peak_rss_bytes" in l), None)
    return times, rss


def lagoa_half(args, queries):
    if not args.lagoa_bench:
        return {}, None, None, "no --lagoa-bench given"
    load_seconds = None
    marker = os.path.join(args.warehouse, ".tpch-loaded")
    if not os.path.exists(marker):
        result = run([args.lagoa_bench, "tpch", "load", args.data, args.warehouse, "--threads", str(args.threads)])
        if result.returncode != 0:
            return {}, None, None, (result.stderr.strip().splitlines() or ["load failed"])[-1]
        load = json_lines(result.stdout)
        load_seconds = load[0]["seconds"] if load else None
        with open(marker, "w") as f:
            f.write(json.dumps({"load_seconds": load_seconds}))
    else:
        with open(marker) as f:
            load_seconds = json.load(f).get("load_seconds")
    result = run([args.lagoa_bench, "tpch", "run", args.warehouse, "--threads", str(args.threads),
                  "--repeat", str(args.runs)] + queries)
    lines = json_lines(result.stdout)
    times = {l["id"]: l for l in lines if "id" in l}
    rss = next((l["peak_rss_bytes"] for l in lines if "peak_rss_bytes" in l), None)
    problem = None if result.returncode == 0 else (result.stderr.strip().splitlines() or ["run failed"])[-1]
    return times, rss, load_seconds, problem


def mib(value):
    return "n/a" if value is None else f"{value / (1 << 20):.0f} MiB"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--queries", required=True)
    parser.add_argument("--lagoa-bench")
    parser.add_argument("--warehouse")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scale-factor", default="1")
    args = parser.parse_args()
    queries = [os.path.join(args.queries, f"q{n:02d}.sql") for n in range(1, 23)]

    lagoa, lagoa_rss, load_seconds, problem = lagoa_half(args, queries)
    duck, duck_rss = duckdb_half(args, queries)

    print(f"\nTPC-H SF{args.scale_factor}, {args.threads} threads, best of {args.runs} after one warm-up "
          f"({os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f})\n")
    print("| Query | Lagoa (s) | DuckDB (s) | Lagoa / DuckDB | Rows |")
    print("| --- | ---: | ---: | ---: | ---: |")
    total_lagoa = total_duck = 0.0
    ratios = []
    for path in queries:
        qid = os.path.basename(path)[:-4]
        d = duck.get(qid, {})
        l = lagoa.get(qid, {})
        dt = d.get("best_seconds")
        lt = l.get("best_seconds")
        if lt is not None and dt is not None:
            total_lagoa += lt
            total_duck += dt
            ratios.append(lt / dt if dt > 0 else float("inf"))
            ratio = f"{lt / dt:.2f}x" if dt > 0 else "n/a"
            lagoa_text = f"{lt:.3f}"
        else:
            ratio = "n/a"
            lagoa_text = ("error: " + l["error"][:60]) if "error" in l else "n/a"
        rows = d.get("rows", "")
        if lt is not None and l.get("rows") != d.get("rows"):
            rows = f"{l.get('rows')} vs {d.get('rows')} (differ)"
        print(f"| {qid.upper()} | {lagoa_text} | {'n/a' if dt is None else f'{dt:.3f}'} | {ratio} | {rows} |")
    total_ratio = f"{total_lagoa / total_duck:.2f}x" if ratios and total_duck > 0 else "n/a"
    geo = f"{math.exp(sum(math.log(r) for r in ratios) / len(ratios)):.2f}x" if ratios else "n/a"
    duck_total = sum(d.get("best_seconds", 0) for d in duck.values())
    print(f"| **Total ({len(ratios)} queries run by both)** | {total_lagoa:.3f} | {total_duck:.3f} | {total_ratio} | |")
    print(f"\nDuckDB total over all 22 queries: {duck_total:.3f} s. Geometric mean of ratios: {geo}. "
          f"Worst ratio: {max(ratios):.2f}x." if ratios else
          f"\nDuckDB total over all 22 queries: {duck_total:.3f} s.")
    print(f"Peak RSS: Lagoa {mib(lagoa_rss)}, DuckDB {mib(duck_rss)}. "
          f"Lagoa load (8 Iceberg tables from Parquet): {'n/a' if load_seconds is None else f'{load_seconds:.1f} s'}.")
    if problem:
        print(f"\nLagoa half did not complete: {problem}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
