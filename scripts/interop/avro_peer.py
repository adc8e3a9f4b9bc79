#!/usr/bin/env python3
"""Reference peer (fastavro, PyIceberg) for Lagoa's Avro interoperability tests.

Run with the project's virtual environment (the tests use ``$LAGOA_PYTHON``):

    avro_peer.py generate DIR   write Avro container files with fastavro into DIR: every type,
                                logical types, nested unions/maps/arrays, several blocks, with each
                                codec (null, deflate, snappy, zstandard); for each NAME.avro also
                                NAME.expected.jsonl (canonical records, one per line) and DIR/manifest.json
    avro_peer.py verify DIR     for every DIR/NAME.avro written by Lagoa with NAME.expected.json
                                beside it, read it with fastavro and compare canonical records;
                                one line per failure, exit status 1 if any file fails
    avro_peer.py iceberg DIR    create a partitioned PyIceberg table (SqlCatalog on sqlite) under DIR,
                                append two small tables, and print JSON {"files": [{"path", "kind",
                                "records"}]} for the manifest lists and manifests of the current
                                snapshot, with fastavro's record count of each

Values are compared in their physical form (logical types are not converted: fastavro reads with
the writer schema stripped of logicalType). Canonical JSON of a value: null, booleans, integers and
strings as JSON; float and double as {"f": "<16 hex digits of the float64 bits>"}; bytes and
fixed as {"b": "<hex>"}; enum as its symbol; array and record as JSON arrays (record fields in
schema order); map as {"m": [[key, value], ...]} in stored order.
"""

import json
import os
import random
import struct
import sys

import zlib

import fastavro
import fastavro.read
from fastavro import _read_py, _write_py

# Physical values only: no logical-type conversion on read (dates beyond Python's range stay ints).
fastavro.read.LOGICAL_READERS.clear()

CODECS = ["null", "deflate", "snappy", "zstandard"]


def _varint(n):
    out = bytearray()
    while n >= 0x80:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)
    return bytes(out)


def snappy_compress(data):
    """A valid Snappy block made only of literals (cramjam/python-snappy are not in .venv)."""
    out = bytearray(_varint(len(data)))
    for start in range(0, len(data), 65536):
        chunk = data[start:start + 65536]
        n = len(chunk) - 1
        if n < 60:
            out.append(n << 2)
        elif n < 256:
            out += bytes([60 << 2, n])
        else:
            out += bytes([61 << 2]) + n.to_bytes(2, "little")
        out += chunk
    return bytes(out)


def snappy_decompress(data):
    """A complete Snappy block decoder (literals and all three copy forms)."""
    length, shift, pos = 0, 0, 0
    while True:
        b = data[pos]
        pos += 1
        length |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            break
    out = bytearray()
    while pos < len(data):
        tag = data[pos]
        pos += 1
        kind = tag & 3
        if kind == 0:
            n = tag >> 2
            if n >= 60:
                extra = n - 59
                n = int.from_bytes(data[pos:pos + extra], "little")
                pos += extra
            n += 1
            out += data[pos:pos + n]
            pos += n
            continue
        if kind == 1:
            n = 4 + ((tag >> 2) & 7)
            offset = ((tag >> 5) << 8) | data[pos]
            pos += 1
        elif kind == 2:
            n = (tag >> 2) + 1
            offset = int.from_bytes(data[pos:pos + 2], "little")
            pos += 2
        else:
            n = (tag >> 2) + 1
            offset = int.from_bytes(data[pos:pos + 4], "little")
            pos += 4
        if offset == 0 or offset > len(out):
            raise ValueError("invalid snappy copy offset %d" % offset)
        for _ in range(n):
            out.append(out[-offset])
    if len(out) != length:
        raise ValueError("snappy block decompresses to %d bytes, header says %d" % (len(out), length))
    return bytes(out)


def _snappy_write_block(encoder, block_bytes, compression_level):
    data = snappy_compress(block_bytes)
    encoder.write_long(len(data) + 4)
    encoder._fo.write(data)
    encoder.write_crc32(block_bytes)


def _snappy_read_block(decoder):
    length = _read_py.read_long(decoder)
    data = decoder.read_fixed(length - 4)
    crc = decoder.read_fixed(4)
    block = snappy_decompress(data)
    if int.from_bytes(crc, "big") != zlib.crc32(block) & 0xFFFFFFFF:
        raise ValueError("snappy block CRC-32 mismatch")
    return _read_py.BytesIO(block)


def _zstd_write_block(encoder, block_bytes, compression_level):
    import zstandard

    # Without the content size in the frame header, as Java's Avro (a zstd stream) writes it.
    data = zstandard.ZstdCompressor(level=compression_level or 3, write_content_size=False).compress(block_bytes)
    encoder.write_long(len(data))
    encoder._fo.write(data)


def _zstd_read_block(decoder):
    import zstandard

    data = decoder.read_bytes()
    return _read_py.BytesIO(zstandard.ZstdDecompressor().decompressobj().decompress(data))


# The pure-Python fastavro modules with our snappy and zstandard codecs (fastavro wants cramjam and
# backports.zstd, which .venv does not have; the zstandard package is there).
_write_py.BLOCK_WRITERS["snappy"] = _snappy_write_block
_read_py.BLOCK_READERS["snappy"] = _snappy_read_block
_write_py.BLOCK_WRITERS["zstandard"] = _zstd_write_block
_read_py.BLOCK_READERS["zstandard"] = _zstd_read_block


def strip_logical(schema):
    """The schema without logicalType attributes, so fastavro keeps physical values."""
    if isinstance(schema, list):
        return [strip_logical(s) for s in schema]
    if isinstance(schema, dict):
        out = {k: strip_logical(v) for k, v in schema.items() if k != "logicalType"}
        return out
    return schema


def named_types(schema, table):
    if isinstance(schema, list):
        for s in schema:
            named_types(s, table)
    elif isinstance(schema, dict):
        t = schema.get("type")
        if t in ("record", "enum", "fixed", "error"):
            ns = schema.get("namespace")
            name = schema["name"]
            table[name] = schema
            if ns:
                table[ns + "." + name] = schema
            for f in schema.get("fields", []):
                named_types(f["type"], table)
        elif t == "array":
            named_types(schema["items"], table)
        elif t == "map":
            named_types(schema["values"], table)
        elif isinstance(t, (dict, list)):
            named_types(t, table)


def fhex(x):
    return {"f": struct.pack(">d", float(x)).hex()}


def matches(value, schema, names):
    """Whether value belongs to the (union branch) schema."""
    if isinstance(schema, str) and schema in names:
        schema = names[schema]
    t = schema if isinstance(schema, str) else schema.get("type")
    if isinstance(t, (dict, list)) or (isinstance(t, str) and t in names and not isinstance(schema, str)):
        return matches(value, t, names)
    if t == "null":
        return value is None
    if t == "boolean":
        return isinstance(value, bool)
    if t in ("int", "long"):
        return isinstance(value, int) and not isinstance(value, bool)
    if t in ("float", "double"):
        return isinstance(value, float)
    if t in ("bytes", "fixed"):
        return isinstance(value, (bytes, bytearray))
    if t == "string" or t == "enum":
        return isinstance(value, str)
    if t == "array":
        return isinstance(value, list)
    if t == "map":
        return isinstance(value, dict) and not any(k == "__record__" for k in value)
    if t in ("record", "error"):
        return isinstance(value, dict)
    return False


def canon(value, schema, names):
    if isinstance(schema, list):
        for branch in schema:
            if matches(value, branch, names):
                return canon(value, branch, names)
        raise ValueError("no union branch for %r in %r" % (value, schema))
    if isinstance(schema, str) and schema in names:
        schema = names[schema]
    t = schema if isinstance(schema, str) else schema.get("type")
    if isinstance(t, (dict, list)) or (not isinstance(schema, str) and isinstance(t, str) and t in names):
        return canon(value, t, names)
    if t in ("null", "boolean", "int", "long", "string", "enum"):
        return value
    if t in ("float", "double"):
        return fhex(value)
    if t in ("bytes", "fixed"):
        return {"b": bytes(value).hex()}
    if t == "array":
        return [canon(v, schema["items"], names) for v in value]
    if t == "map":
        return {"m": [[k, canon(v, schema["values"], names)] for k, v in value.items()]}
    if t in ("record", "error"):
        return [canon(value.get(f["name"]), f["type"], names) for f in schema["fields"]]
    raise ValueError("unknown type %r" % (t,))


def dumps(obj):
    return json.dumps(obj, ensure_ascii=True, separators=(",", ":"), sort_keys=False)


# The "every type" schema: primitives, logical types, named types, nested unions, maps, arrays.
EVERY_TYPE = {
    "type": "record",
    "name": "every_type",
    "namespace": "lagoa.test",
    "fields": [
        {"name": "b", "type": "boolean"},
        {"name": "i", "type": "int"},
        {"name": "l", "type": "long"},
        {"name": "f", "type": "float"},
        {"name": "d", "type": "double"},
        {"name": "by", "type": "bytes"},
        {"name": "s", "type": "string"},
        {"name": "n", "type": "null"},
        {"name": "e", "type": {"type": "enum", "name": "color", "symbols": ["RED", "GREEN", "BLUE"]}},
        {"name": "fx", "type": {"type": "fixed", "name": "md5", "size": 16}},
        {"name": "opt_long", "type": ["null", "long"], "default": None, "field-id": 7},
        {"name": "opt_string", "type": ["string", "null"]},
        {"name": "multi", "type": ["null", "int", "string", "double", {"type": "array", "items": "long"}]},
        {"name": "arr", "type": {"type": "array", "items": ["null", "string"], "element-id": 101}},
        {"name": "mp", "type": {"type": "map", "values": ["null", "long"], "key-id": 102, "value-id": 103}},
        {
            "name": "nested",
            "type": [
                "null",
                {
                    "type": "record",
                    "name": "inner",
                    "fields": [
                        {"name": "x", "type": "int"},
                        {"name": "tags", "type": {"type": "array", "items": "string"}},
                        {"name": "color", "type": "color"},
                    ],
                },
            ],
        },
        {
            "name": "int_map",
            "type": {
                "type": "array",
                "logicalType": "map",
                "items": {
                    "type": "record",
                    "name": "k117_v118",
                    "fields": [
                        {"name": "key", "type": "int", "field-id": 117},
                        {"name": "value", "type": "long", "field-id": 118},
                    ],
                },
            },
        },
        {"name": "date", "type": {"type": "int", "logicalType": "date"}},
        {"name": "time_ms", "type": {"type": "int", "logicalType": "time-millis"}},
        {"name": "time_us", "type": {"type": "long", "logicalType": "time-micros"}},
        {"name": "ts_ms", "type": {"type": "long", "logicalType": "timestamp-millis"}},
        {"name": "ts_us", "type": {"type": "long", "logicalType": "timestamp-micros", "adjust-to-utc": True}},
        {"name": "lts_us", "type": {"type": "long", "logicalType": "local-timestamp-micros"}},
        {"name": "dec_bytes", "type": {"type": "bytes", "logicalType": "decimal", "precision": 10, "scale": 2}},
        {"name": "dec_fixed", "type": {"type": "fixed", "name": "dec16", "size": 16, "logicalType": "decimal", "precision": 38, "scale": 4}},
        {"name": "uuid_s", "type": {"type": "string", "logicalType": "uuid"}},
        {"name": "uuid_f", "type": {"type": "fixed", "name": "uuid_fixed", "size": 16, "logicalType": "uuid"}},
    ],
}


def signed_bytes(n, size=None):
    length = size or max(1, (n.bit_length() + 8) // 8)
    return n.to_bytes(length, "big", signed=True)


def every_type_record(rng, i):
    strings = ["", "a", "héllo wörld", "日本語", "x" * rng.randint(0, 300), "emoji 🦆"]
    floats = [0.0, -0.0, 1.5, -2.25, 3.4e38, 1e-45, float("inf"), float("-inf")]
    multi_choices = [None, rng.randint(-(2**31), 2**31 - 1), rng.choice(strings), rng.uniform(-1e9, 1e9),
                     [rng.randint(-(2**63), 2**63 - 1) for _ in range(rng.randint(0, 4))]]
    return {
        "b": rng.random() < 0.5,
        "i": rng.choice([0, 1, -1, 2**31 - 1, -(2**31), rng.randint(-(2**31), 2**31 - 1)]),
        "l": rng.choice([0, 63, 64, -64, -65, 2**63 - 1, -(2**63), rng.randint(-(2**63), 2**63 - 1)]),
        "f": struct.unpack("<f", struct.pack("<f", rng.choice(floats + [rng.uniform(-1e6, 1e6)])))[0],
        "d": rng.choice(floats + [rng.uniform(-1e300, 1e300), 5e-324]),
        "by": bytes(rng.randint(0, 255) for _ in range(rng.randint(0, 40))),
        "s": rng.choice(strings),
        "n": None,
        "e": rng.choice(["RED", "GREEN", "BLUE"]),
        "fx": bytes(rng.randint(0, 255) for _ in range(16)),
        "opt_long": None if i % 3 == 0 else rng.randint(-(2**63), 2**63 - 1),
        "opt_string": None if i % 4 == 0 else rng.choice(strings),
        "multi": multi_choices[i % len(multi_choices)],
        "arr": [None if rng.random() < 0.2 else rng.choice(strings) for _ in range(rng.randint(0, 6))],
        "mp": {("k%d" % j): (None if rng.random() < 0.2 else rng.randint(-1000, 1000)) for j in range(rng.randint(0, 5))},
        "nested": None if i % 5 == 0 else {
            "x": rng.randint(-100, 100),
            "tags": [rng.choice(strings) for _ in range(rng.randint(0, 3))],
            "color": rng.choice(["RED", "GREEN", "BLUE"]),
        },
        "int_map": [{"key": rng.randint(1, 200), "value": rng.randint(0, 2**40)} for _ in range(rng.randint(0, 5))],
        "date": rng.randint(-800000, 2900000),
        "time_ms": rng.randint(0, 86399999),
        "time_us": rng.randint(0, 86399999999),
        "ts_ms": rng.randint(-(2**50), 2**50),
        "ts_us": rng.randint(-(2**60), 2**60),
        "lts_us": rng.randint(-(2**60), 2**60),
        "dec_bytes": signed_bytes(rng.randint(-(10**10) + 1, 10**10 - 1)),
        "dec_fixed": signed_bytes(rng.randint(-(10**38) + 1, 10**38 - 1), 16),
        "uuid_s": "%08x-%04x-%04x-%04x-%012x" % (rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(16),
                                                 rng.getrandbits(16), rng.getrandbits(48)),
        "uuid_f": bytes(rng.randint(0, 255) for _ in range(16)),
    }


def generate(folder):
    os.makedirs(folder, exist_ok=True)
    entries = []
    rng = random.Random(20240611)
    records = [every_type_record(rng, i) for i in range(1500)]
    parsed = fastavro.parse_schema(EVERY_TYPE)
    names = {}
    named_types(EVERY_TYPE, names)
    expected = [canon(r, EVERY_TYPE, names) for r in records]
    for codec in CODECS:
        for sync_interval, label in [(16000, "blocks"), (10 * 1024 * 1024, "oneblock")]:
            name = "every_type.%s.%s" % (codec, label)
            with open(os.path.join(folder, name + ".avro"), "wb") as fo:
                _write_py.writer(fo, parsed, records, codec=codec, sync_interval=sync_interval,
                                metadata={"lagoa.test": "yes"})
            with open(os.path.join(folder, name + ".expected.jsonl"), "w") as fo:
                fo.write("".join(dumps(e) + "\n" for e in expected))
            entries.append({"name": name, "codec": codec, "records": len(records)})
    # An empty file (header only) and a file of only nulls in a union.
    empty = "empty.deflate"
    with open(os.path.join(folder, empty + ".avro"), "wb") as fo:
        fastavro.writer(fo, parsed, [], codec="deflate")
    with open(os.path.join(folder, empty + ".expected.jsonl"), "w") as fo:
        fo.write("")
    entries.append({"name": empty, "codec": "deflate", "records": 0})
    with open(os.path.join(folder, "manifest.json"), "w") as fo:
        fo.write(json.dumps(entries))


def read_physical(path):
    with open(path, "rb") as fo:
        reader = _read_py.reader(fo)
        schema_json = json.loads(reader.metadata["avro.schema"])
        codec = reader.codec
        records = list(reader)
    names = {}
    named_types(schema_json, names)
    return schema_json, codec, [canon(r, schema_json, names) for r in records]


def verify(folder):
    failures = 0
    checked = 0
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".avro"):
            continue
        base = name[: -len(".avro")]
        expected_path = os.path.join(folder, base + ".expected.jsonl")
        if not os.path.exists(expected_path):
            continue
        checked += 1
        try:
            _, codec, actual = read_physical(os.path.join(folder, name))
        except Exception as error:  # noqa: BLE001 - report any reader failure
            print("%s: fastavro cannot read it: %r" % (name, error))
            failures += 1
            continue
        with open(expected_path) as fo:
            expected = [json.loads(line) for line in fo if line.strip()]
        if len(expected) != len(actual):
            print("%s (%s): fastavro read %d records, Lagoa wrote %d" % (name, codec, len(actual), len(expected)))
            failures += 1
            continue
        for i, (e, a) in enumerate(zip(expected, actual)):
            if e != a:
                print("%s (%s): record %d differs\n  Lagoa wrote: %s\n  fastavro read: %s" % (name, codec, i, dumps(e)[:600], dumps(a)[:600]))
                failures += 1
                break
    print("verified %d files, %d failed" % (checked, failures))
    return 1 if failures or checked == 0 else 0


def iceberg(folder):
    import pyarrow as pa
    from pyiceberg.catalog.sql import SqlCatalog
    from pyiceberg.partitioning import PartitionField, PartitionSpec
    from pyiceberg.schema import Schema
    from pyiceberg.transforms import IdentityTransform
    from pyiceberg.types import LongType, NestedField, StringType, TimestampType, DoubleType

    warehouse = os.path.join(folder, "warehouse")
    os.makedirs(warehouse, exist_ok=True)
    catalog = SqlCatalog("lagoa", uri="sqlite:///" + os.path.join(folder, "catalog.db"), warehouse="file://" + warehouse)
    catalog.create_namespace("db")
    schema = Schema(
        NestedField(1, "id", LongType(), required=False),
        NestedField(2, "category", StringType(), required=False),
        NestedField(3, "ts", TimestampType(), required=False),
        NestedField(4, "amount", DoubleType(), required=False),
    )
    # Identity transforms only: the others need pyiceberg-core, which .venv does not have.
    spec = PartitionSpec(
        PartitionField(source_id=2, field_id=1000, transform=IdentityTransform(), name="category"),
        PartitionField(source_id=1, field_id=1001, transform=IdentityTransform(), name="id_part"),
    )
    table = catalog.create_table("db.events", schema=schema, partition_spec=spec)
    import datetime
    arrow_schema = pa.schema([("id", pa.int64()), ("category", pa.string()), ("ts", pa.timestamp("us")), ("amount", pa.float64())])
    for batch in range(2):
        rows = 50
        table.append(pa.table({
            "id": [batch * 1000 + i % 4 for i in range(rows)],
            "category": [["a", "b", "c"][i % 3] for i in range(rows)],
            "ts": [datetime.datetime(2024, 1, 1 + (i % 4), 12, 0, 0) for i in range(rows)],
            "amount": [i * 1.5 for i in range(rows)],
        }, schema=arrow_schema))
    table = catalog.load_table("db.events")
    files = []

    def local(path):
        return path[len("file://"):] if path.startswith("file://") else path

    def count(path):
        with open(local(path), "rb") as fo:
            return sum(1 for _ in fastavro.reader(fo))

    for snapshot in table.snapshots():
        files.append({"path": local(snapshot.manifest_list), "kind": "manifest_list", "records": count(snapshot.manifest_list)})
    for manifest in table.current_snapshot().manifests(table.io):
        files.append({"path": local(manifest.manifest_path), "kind": "manifest", "records": count(manifest.manifest_path)})
    print(json.dumps({"files": files}))


def main(argv):
    if len(argv) != 3 or argv[1] not in ("generate", "verify", "iceberg"):
        print(__doc__)
        return 2
    command, folder = argv[1], argv[2]
    if command == "generate":
        generate(folder)
        return 0
    if command == "verify":
        return verify(folder)
    iceberg(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
