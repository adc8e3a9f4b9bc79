#!/usr/bin/env python3
"""PyIceberg's SqlCatalog side of LagoaCatalogSQLTests' interoperability tests.

    sqlcatalog_peer.py inspect URI WAREHOUSE
        Opens SqlCatalog("lagoa", uri=URI) and prints, as JSON, every namespace (walked from the
        top with list_namespaces), its properties (load_namespace_properties) and its tables
        (list_tables), plus list_namespaces() and list_namespaces(("sales",)) as PyIceberg returns them.

    sqlcatalog_peer.py create URI WAREHOUSE
        Creates namespaces sales (owner=py) and sales.eu (no properties) and a real table
        sales.eu.orders (pyarrow schema, one appended batch) under WAREHOUSE, then prints
        {"metadata_location": ...} of that table.

URI is a SQLAlchemy URL: sqlite:////abs/path.db or postgresql+psycopg2://user:pw@host:port/db.
"""
import json
import sys

import pyarrow as pa
from pyiceberg.catalog.sql import SqlCatalog


def catalog(uri, warehouse):
    return SqlCatalog("lagoa", uri=uri, warehouse="file://" + warehouse)


def inspect(cat):
    namespaces = {}

    def walk(parent):
        for child in sorted(cat.list_namespaces(parent)):
            dotted = ".".join(child)
            namespaces[dotted] = {
                "properties": cat.load_namespace_properties(child),
                "tables": sorted(".".join(t) for t in cat.list_tables(child)),
            }
            walk(child)

    walk(())
    return {
        "top": sorted(".".join(n) for n in cat.list_namespaces()),
        "under_sales": sorted(".".join(n) for n in cat.list_namespaces(("sales",))),
        "namespaces": namespaces,
    }


def create(cat):
    cat.create_namespace("sales", {"owner": "py"})
    cat.create_namespace("sales.eu")
    schema = pa.schema([pa.field("id", pa.int64(), nullable=False), pa.field("item", pa.string())])
    table = cat.create_table("sales.eu.orders", schema=schema)
    table.append(pa.table({"id": pa.array([1, 2], pa.int64()), "item": ["a", "b"]}, schema=schema))
    return {"metadata_location": cat.load_table("sales.eu.orders").metadata_location}


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("inspect", "create"):
        sys.exit(__doc__)
    command, uri, warehouse = sys.argv[1:]
    cat = catalog(uri, warehouse)
    result = inspect(cat) if command == "inspect" else create(cat)
    cat.close()
    print(json.dumps(result, sort_keys=True))


if __name__ == "__main__":
    main()
