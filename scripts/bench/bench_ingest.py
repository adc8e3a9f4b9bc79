"""Times the extraction of lineitem from PostgreSQL three ways (see scripts/bench-ingest.sh)."""
import argparse
import os
import shutil
import subprocess
import time

import pyarrow.parquet as pq


def best(label, runs, fn):
    fn()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    print(f"  {label}: " + ", ".join(f"{t:.2f}s" for t in times), flush=True)
    return min(times)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", required=True)
    p.add_argument("--lagoa", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--runs", type=int, default=3)
    a = p.parse_args()
    url = f"postgresql://postgres@127.0.0.1:{a.port}/postgres"
    rows = int(subprocess.check_output(["psql", url, "-Atc", "SELECT count(*) FROM lineitem"]).decode())

    def copy_binary():
        with open(os.devnull, "wb") as null:
            subprocess.run(["psql", url, "-c", "COPY (SELECT * FROM lineitem) TO STDOUT (FORMAT binary)"], stdout=null, check=True)

    def connectorx_route():
        import connectorx as cx
        table = cx.read_sql(url, "SELECT * FROM lineitem", return_type="arrow")
        pq.write_table(table, f"{a.work}/cx.parquet", compression="zstd")

    def adbc_route():
        import adbc_driver_postgresql.dbapi as adbc
        with adbc.connect(url) as conn, conn.cursor() as cur:
            cur.execute("SELECT * FROM lineitem")
            table = cur.fetch_arrow_table()
        pq.write_table(table, f"{a.work}/adbc.parquet", compression="zstd")

    warehouse = f"{a.work}/warehouse"

    def lagoa():
        subprocess.run(
            [a.lagoa, "ingest", url, "--domain", "tpch", "--tables", "lineitem", "--warehouse", warehouse, "--date", "2026-11-20"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True,
        )

    print(f"lineitem: {rows:,} rows; warm-up then best of {a.runs}")
    results = {}
    results["COPY binary → /dev/null (psql)"] = best("psql COPY binary", a.runs, copy_binary)
    python = {}
    for name, fn in [("connectorx 0.4.6 + pyarrow → Parquet (zstd)", connectorx_route), ("ADBC PostgreSQL 1.13 + pyarrow → Parquet (zstd)", adbc_route)]:
        try:
            python[name] = best(name, a.runs, fn)
        except Exception as error:  # noqa: BLE001 - a route that does not work here is reported, not fatal
            print(f"  {name}: failed: {error}")
    results.update(python)
    results["Lagoa ingest → Iceberg SOR (Parquet zstd)"] = best("lagoa ingest", a.runs, lagoa)
    check = subprocess.check_output([a.lagoa, "query", "SELECT count(*) FROM tpch.sor.lineitem", "--format", "csv", "--warehouse", warehouse]).decode().split()[-1]
    assert int(check) == rows, f"lagoa wrote {check} rows, expected {rows}"
    shutil.rmtree(warehouse, ignore_errors=True)

    lagoa_s = results["Lagoa ingest → Iceberg SOR (Parquet zstd)"]
    copy_s = results["COPY binary → /dev/null (psql)"]
    best_python = min(python.items(), key=lambda kv: kv[1]) if python else None
    print()
    print("| route | seconds | rows/s |")
    print("|---|---:|---:|")
    for name, s in results.items():
        print(f"| {name} | {s:.2f} | {rows / s:,.0f} |")
    print()
    print(f"Lagoa vs raw COPY: {copy_s / lagoa_s:.0%} of COPY's rate (goal ≥ 80%)")
    if best_python:
        print(f"Lagoa vs fastest Python route ({best_python[0]}): {best_python[1] / lagoa_s:.2f}× (goal ≥ 1.5×)")


if __name__ == "__main__":
    main()
