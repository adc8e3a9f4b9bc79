#!/usr/bin/env python3
"""DuckDB as the oracle of Lagoa's SQL engine tests (TPC-H, differential fuzzing, .slt seeding).

Commands (run with .venv/bin/python; DuckDB is pinned in scripts/requirements-test.txt):

  run [--data DIR] [--setup FILE] [--threads N] QUERIES...
      Runs queries and prints one JSON line per query:
        {"id": ..., "columns": [{"name": ..., "type": ...}], "rows": [[...], ...], "error": null}
      QUERIES are .sql files (one query each; id = file name without .sql) or .jsonl files with
      one {"id": ..., "sql": ...} object per line. --data DIR makes a view per DIR/*.parquet file
      named after the file (lineitem.parquet -> lineitem). --setup FILE runs its statements first
      (separated by ';' at line ends). Values are exact and typed: NULL as null, booleans and
      integers as JSON, decimals as exact strings ("12.50"), floating point as Python repr strings
      ("0.1", "nan", "inf"), dates ISO ("1998-09-02"), timestamps "YYYY-MM-DD HH:MM:SS[.ffffff]"
      (UTC with a trailing Z for TIMESTAMP WITH TIME ZONE), strings as strings, everything else
      as its text. A query that fails gets "error": "<message>" and no rows.

  slt FILE...
      Completes sqllogictest files with DuckDB's answers: rewrites the rows under ---- of each
      `query` record, formatted as lagoa-slt formats Lagoa's values (LagoaSQLLogicTest's
      SLTValueFormatter). Statements DuckDB rejects are left as written, so Lagoa-only syntax can
      sit in the same file; records under `skipif duckdb` / `onlyif lagoa` are not run.

  bench --data DIR [--threads N] [--runs 3] QUERIES...
      Runs each .sql query once to warm up, then --runs times, and prints one JSON line per query
      {"id", "best_seconds", "rows"} and a final {"peak_rss_bytes"} line (this process's peak).
"""

import argparse
import datetime
import decimal
import json
import math
import os
import resource
import sys
import time

import duckdb


def connect(data_dir, threads):
    con = duckdb.connect()
    if threads:
        con.execute(f"SET threads={int(threads)}")
    if data_dir:
        for name in sorted(os.listdir(data_dir)):
            if name.endswith(".parquet"):
                path = os.path.join(os.path.abspath(data_dir), name).replace("'", "''")
                con.execute(f"CREATE VIEW \"{name[:-8]}\" AS SELECT * FROM read_parquet('{path}')")
    return con


def split_statements(text):
    statements, current = [], []
    for line in text.splitlines():
        current.append(line)
        if line.rstrip().endswith(";"):
            statement = "\n".join(current).strip()
            if statement.strip(";").strip():
                statements.append(statement)
            current = []
    rest = "\n".join(current).strip()
    if rest:
        statements.append(rest)
    return statements


def load_queries(paths):
    queries = []
    for path in paths:
        if path.endswith(".jsonl"):
            with open(path) as f:
                for line in f:
                    if line.strip():
                        item = json.loads(line)
                        queries.append((str(item["id"]), item["sql"]))
        else:
            with open(path) as f:
                queries.append((os.path.basename(path).rsplit(".", 1)[0], f.read()))
    return queries


def typed(value):
    """One value in the exact, typed JSON form described in the module documentation."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, decimal.Decimal):
        return format(value, "f")
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(datetime.timezone.utc).replace(tzinfo=None)
            return timestamp_text(value) + "Z"
        return timestamp_text(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, datetime.time):
        text = value.strftime("%H:%M:%S")
        if value.microsecond:
            text += ("." + f"{value.microsecond:06d}").rstrip("0")
        return text
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return [typed(v) for v in value]
    if isinstance(value, dict):
        return {str(k): typed(v) for k, v in value.items()}
    if isinstance(value, (bytes, bytearray, memoryview)):
        return "\\x" + bytes(value).hex()
    return str(value)


def timestamp_text(value):
    text = value.strftime("%Y-%m-%d %H:%M:%S")
    if value.microsecond:
        text += ("." + f"{value.microsecond:06d}").rstrip("0")
    return text


def run_query(con, sql):
    try:
        cursor = con.execute(sql)
        columns = [{"name": d[0], "type": str(d[1])} for d in (cursor.description or [])]
        rows = [[typed(v) for v in row] for row in cursor.fetchall()] if columns else []
        return {"columns": columns, "rows": rows, "error": None}
    except duckdb.Error as error:
        return {"columns": [], "rows": [], "error": str(error)}


def command_run(args):
    con = connect(args.data, args.threads)
    if args.setup:
        with open(args.setup) as f:
            for statement in split_statements(f.read()):
                con.execute(statement)
    out = sys.stdout
    for query_id, sql in load_queries(args.queries):
        result = run_query(con, sql)
        result = {"id": query_id, **result}
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
    out.flush()
    return 0


# --- slt completion --------------------------------------------------------------------------

def slt_text(value):
    """A value as LagoaSQLLogicTest's SLTValueFormatter writes it."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        if value == 0:
            return "0.0"
        text = "%.12g" % value
        if "." not in text and "e" not in text:
            text += ".0"
        return text
    if isinstance(value, str):
        if value == "":
            return "(empty)"
        return value.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    if isinstance(value, decimal.Decimal):
        return format(value, "f")
    if isinstance(value, datetime.datetime):
        t = typed(value)
        return t
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(typed(value))


def slt_complete(path):
    with open(path) as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    con = duckdb.connect()
    out, i, skip = [], 0, False
    while i < len(lines):
        stripped = lines[i].strip()
        words = stripped.split()
        if not words or stripped.startswith("#"):
            out.append(lines[i])
            i += 1
            continue
        if words[0] in ("skipif", "onlyif"):
            if len(words) > 1 and ((words[0] == "skipif" and words[1] == "duckdb") or (words[0] == "onlyif" and words[1] != "duckdb")):
                skip = True
            out.append(lines[i])
            i += 1
            continue
        if words[0] not in ("statement", "query"):
            out.append(lines[i])
            i += 1
            continue
        header, start = lines[i], i
        i += 1
        sql, separator = [], None
        while i < len(lines) and lines[i].strip() and lines[i].strip() != "----":
            sql.append(lines[i])
            i += 1
        if i < len(lines) and lines[i].strip() == "----":
            separator = i
            i += 1
            while i < len(lines) and lines[i].strip():
                i += 1
        original = lines[start:i]
        text = "\n".join(sql)
        if skip:
            out.extend(original)
            skip = False
            continue
        if words[0] == "statement":
            try:
                con.execute(text)
            except duckdb.Error:
                pass
            out.extend(original)
            continue
        try:
            rows = con.execute(text).fetchall()
        except duckdb.Error as error:
            print(f"{path}:{start + 1}: DuckDB rejects the query, left as written: {error}", file=sys.stderr)
            out.extend(original)
            continue
        mode = "nosort"
        for w in words[2:]:
            if w in ("nosort", "rowsort", "valuesort"):
                mode = w
        rendered = [[slt_text(v) for v in row] for row in rows]
        if mode == "rowsort":
            body = sorted("\t".join(r) for r in rendered)
        elif mode == "valuesort":
            body = sorted(v for r in rendered for v in r)
        else:
            body = ["\t".join(r) for r in rendered]
        out.extend([header] + sql + ["----"] + body)
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def command_slt(args):
    for path in args.files:
        slt_complete(path)
    return 0


def command_bench(args):
    con = connect(args.data, args.threads)
    for query_id, sql in load_queries(args.queries):
        con.execute(sql).fetchall()
        best, rows = float("inf"), 0
        for _ in range(args.runs):
            started = time.perf_counter()
            rows = len(con.execute(sql).fetchall())
            best = min(best, time.perf_counter() - started)
        print(json.dumps({"id": query_id, "best_seconds": best, "rows": rows}), flush=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"peak_rss_bytes": peak}), flush=True)
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run")
    run.add_argument("--data")
    run.add_argument("--setup")
    run.add_argument("--threads", type=int)
    run.add_argument("queries", nargs="+")
    slt = sub.add_parser("slt")
    slt.add_argument("files", nargs="+")
    bench = sub.add_parser("bench")
    bench.add_argument("--data", required=True)
    bench.add_argument("--threads", type=int, default=2)
    bench.add_argument("--runs", type=int, default=3)
    bench.add_argument("queries", nargs="+")
    args = parser.parse_args()
    return {"run": command_run, "slt": command_slt, "bench": command_bench}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
