#!/usr/bin/env python3
"""PyIceberg as the oracle for Lagoa's Iceberg tables (issue 4).

  iceberg_peer.py check  --uri URI --warehouse WH --table NS.T --expected FILE.parquet [--snapshot ID]
      Loads the table with PyIceberg's SqlCatalog (catalog name 'lagoa'), scans it and compares the
      rows with FILE.parquet (written by Lagoa from its own scan). Prints 'ok N rows' or the
      difference and exits 1.
  iceberg_peer.py write  --uri URI --warehouse WH --table NS.T --expected-dir DIR
      PyIceberg creates and evolves a table (appends, schema evolution, partition evolution,
      deletes, overwrite) and after each step writes what a scan must return to DIR/<step>.parquet,
      plus DIR/steps.json listing [step, snapshot_id]. Lagoa reads every snapshot and compares.
  iceberg_peer.py files  --uri URI --warehouse WH --table NS.T
      Reads every data file of the current snapshot with pyarrow.parquet and DuckDB; prints counts.
"""
import argparse
import json
import os
import sys
import tempfile

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq


def catalog(args):
    from pyiceberg.catalog.sql import SqlCatalog
    properties = {}
    if args.s3_endpoint:
        properties = {
            "s3.endpoint": args.s3_endpoint,
            "s3.access-key-id": "test",
            "s3.secret-access-key": "test",
            "s3.region": "us-east-1",
            "s3.force-virtual-addressing": "false",
        }
    return SqlCatalog("lagoa", uri=args.uri, warehouse=args.warehouse, **properties)


def canonical(table):
    """Rows as sorted tuples of JSON-able values, column order as in the table."""
    rows = []
    for row in table.to_pylist():
        rows.append(json.dumps([_value(row[c]) for c in table.column_names], sort_keys=True, default=str))
    return sorted(rows)


def _value(v):
    if isinstance(v, float) and v != v:
        return "NaN"
    if isinstance(v, dict):
        return {k: _value(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_value(x) for x in v]
    if isinstance(v, (bytes, bytearray)):
        return v.hex()
    if v is None or isinstance(v, (int, float, str, bool)):
        return v
    return str(v)


def check(args):
    table = catalog(args).load_table(args.table)
    scan = table.scan(snapshot_id=int(args.snapshot)) if args.snapshot else table.scan()
    actual = scan.to_arrow()
    expected = pq.read_table(args.expected)
    if actual.column_names != expected.column_names:
        print(f"columns differ: pyiceberg {actual.column_names}, lagoa {expected.column_names}")
        return 1
    a, e = canonical(actual), canonical(expected)
    if a != e:
        print(f"rows differ: pyiceberg {len(a)} rows, lagoa {len(e)} rows")
        for line in sorted(set(a) - set(e))[:5]:
            print("  only in pyiceberg:", line)
        for line in sorted(set(e) - set(a))[:5]:
            print("  only in lagoa:    ", line)
        return 1
    print(f"ok {len(a)} rows")
    return 0


def write(args):
    from pyiceberg.schema import Schema
    from pyiceberg.types import NestedField, LongType, StringType, DateType, DoubleType, TimestampType
    from pyiceberg.partitioning import PartitionSpec, PartitionField
    from pyiceberg.transforms import IdentityTransform, DayTransform
    from pyiceberg.expressions import EqualTo, LessThan
    import datetime

    cat = catalog(args)
    ns = args.table.rsplit(".", 1)[0]
    try:
        cat.create_namespace(ns)
    except Exception:
        pass
    schema = Schema(
        NestedField(1, "id", LongType(), required=False),
        NestedField(2, "day", DateType(), required=False),
        NestedField(3, "name", StringType(), required=False),
        NestedField(4, "amount", DoubleType(), required=False),
    )
    spec = PartitionSpec(PartitionField(source_id=2, field_id=1000, transform=IdentityTransform(), name="day"))
    table = cat.create_table(args.table, schema=schema, partition_spec=spec)
    steps = []
    os.makedirs(args.expected_dir, exist_ok=True)

    def snap(step):
        t = cat.load_table(args.table)
        pq.write_table(t.scan().to_arrow(), os.path.join(args.expected_dir, f"{step}.parquet"))
        steps.append([step, t.current_snapshot().snapshot_id])

    d1, d2 = datetime.date(2026, 11, 20), datetime.date(2026, 11, 21)
    arrow_schema = pa.schema([("id", pa.int64()), ("day", pa.date32()), ("name", pa.string()), ("amount", pa.float64())])
    table.append(pa.table({"id": [1, 2, 3], "day": [d1, d1, d2], "name": ["a", None, "c"], "amount": [1.5, 2.5, None]}, schema=arrow_schema))
    snap("append1")
    table.append(pa.table({"id": [4, 5], "day": [d2, d2], "name": ["d", "é"], "amount": [4.0, float("nan")]}, schema=arrow_schema))
    snap("append2")
    with table.update_schema() as update:
        update.add_column("region", StringType())
        update.rename_column("name", "customer")
    table = cat.load_table(args.table)
    with table.update_spec() as update:
        update.add_field("id", IdentityTransform(), "id_part")
    table = cat.load_table(args.table)
    arrow_schema2 = pa.schema([("id", pa.int64()), ("day", pa.date32()), ("customer", pa.string()), ("amount", pa.float64()), ("region", pa.string())])
    table.append(pa.table({"id": [6], "day": [d1], "customer": ["f"], "amount": [6.0], "region": ["south"]}, schema=arrow_schema2))
    snap("evolved")
    table = cat.load_table(args.table)
    table.delete(delete_filter=LessThan("id", 3))
    snap("deleted")
    table = cat.load_table(args.table)
    table.overwrite(pa.table({"id": [7], "day": [d2], "customer": ["g"], "amount": [7.0], "region": [None]}, schema=arrow_schema2), overwrite_filter=EqualTo("day", d2.isoformat()))
    snap("overwritten")
    with open(os.path.join(args.expected_dir, "steps.json"), "w") as f:
        json.dump(steps, f)
    print(json.dumps(steps))
    return 0


def files(args):
    import duckdb
    table = catalog(args).load_table(args.table)
    paths = [task.file.file_path for task in table.scan().plan_files()]
    rows_arrow = 0
    rows_duck = 0
    con = duckdb.connect()
    for path in paths:
        with table.io.new_input(path).open() as stream:
            data = stream.read()
        rows_arrow += pq.read_table(pa.BufferReader(data)).num_rows
        # DuckDB has no S3 access offline (httpfs is a download): it reads a local copy.
        with tempfile.NamedTemporaryFile(suffix=".parquet") as copy:
            copy.write(data)
            copy.flush()
            rows_duck += con.execute(f"select count(*) from read_parquet('{copy.name}')").fetchone()[0]
    print(json.dumps({"files": len(paths), "pyarrow_rows": rows_arrow, "duckdb_rows": rows_duck}))
    return 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["check", "write", "files"])
    parser.add_argument("--uri", required=True)
    parser.add_argument("--warehouse", required=True)
    parser.add_argument("--table", required=True)
    parser.add_argument("--expected")
    parser.add_argument("--expected-dir")
    parser.add_argument("--snapshot")
    parser.add_argument("--s3-endpoint", help="moto's endpoint when the warehouse is on S3")
    args = parser.parse_args()
    return {"check": check, "write": write, "files": files}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
