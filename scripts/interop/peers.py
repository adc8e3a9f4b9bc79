#!/usr/bin/env python3
"""Reference peers (pyarrow, DuckDB) for Lagoa's Parquet interoperability tests.

Run with the project's virtual environment (``make venv``; the tests use ``$LAGOA_PYTHON``):

    peers.py generate DIR   write a matrix of Parquet files with pyarrow and DuckDB into DIR, each
                            with NAME.expected.jsonl (canonical rows, pyarrow is the oracle),
                            NAME.expected.types.json (column types, Lagoa's spelling) and
                            DIR/manifest.json (one entry per file: peer and writer options)
    peers.py verify DIR     for every DIR/lagoa/NAME.VARIANT.parquet, check with pyarrow AND
                            DuckDB that it holds exactly the rows of DIR/NAME.parquet; one line
                            per failure, exit status 1 if any file fails
    peers.py canon FILE     print FILE's rows as canonical JSON (for debugging)

Canonical JSON, one array per row, columns in schema order (docs/testing.md has the details):
null -> null; bool -> true/false; integers -> JSON integers; floats -> {"f": "<16 hex digits of
the float64 bit pattern>"} (float32 widened exactly, every NaN as 7ff8000000000000); decimal ->
{"d": "<unscaled integer>", "s": scale}; date -> {"date": days}; time -> {"time": v, "unit": u};
timestamp -> {"ts": v, "unit": u, "utc": bool}; string -> JSON string; binary, fixed-size binary,
uuid -> {"b": "<lowercase hex>"}; list -> array; struct -> {"struct": [...]};
map -> {"map": [[k, v], ...]}. Serialised with json.dumps(ensure_ascii=True, separators=(",", ":")).
"""

import decimal
import json
import math
import os
import random
import struct
import sys

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

# Rows per generated file: enough for several pages and row groups where the options ask for them,
# small enough that the whole matrix is written, read and verified in well under a minute.
ROWS = 2000

CANONICAL_NAN = "7ff8000000000000"


# MARK: - Canonical JSON


def canon_float(x):
    if math.isnan(x):
        return {"f": CANONICAL_NAN}
    return {"f": struct.pack(">d", x).hex()}


def canon_decimal(value, scale):
    sign, digits, exponent = value.as_tuple()
    unscaled = int("".join(map(str, digits)) or "0")
    shift = exponent + scale
    if shift >= 0:
        unscaled *= 10**shift
    else:
        unscaled, rest = divmod(unscaled, 10**-shift)
        assert rest == 0, f"decimal {value} has more digits than scale {scale}"
    return {"d": str(-unscaled if sign else unscaled), "s": scale}


def canon_array(arr):
    """The canonical values of every slot of `arr` (an Array or ChunkedArray), as Python objects."""
    if isinstance(arr, pa.ChunkedArray):
        out = []
        for chunk in arr.chunks:
            out.extend(canon_array(chunk))
        return out
    if isinstance(arr, pa.ExtensionArray):
        if arr.type.extension_name == "arrow.bool8":  # DuckDB's lossless BOOLEAN: int8 storage
            return [None if v is None else v != 0 for v in arr.storage.to_pylist()]
        return canon_array(arr.storage)
    t = arr.type
    if pa.types.is_dictionary(t):
        return canon_array(arr.dictionary_decode())
    n = len(arr)
    valid = arr.is_valid().to_pylist() if arr.null_count else [True] * n
    if pa.types.is_null(t):
        return [None] * n

    def masked(values):
        return [v if ok else None for v, ok in zip(values, valid)]

    if pa.types.is_boolean(t) or pa.types.is_integer(t):
        return arr.to_pylist()
    if pa.types.is_floating(t):
        return masked([canon_float(float(v)) if v is not None else None for v in arr.to_pylist()])
    if pa.types.is_decimal(t):
        return masked([canon_decimal(v, t.scale) if v is not None else None for v in arr.to_pylist()])
    if pa.types.is_date32(t):
        return masked([{"date": v} for v in arr.cast(pa.int32()).to_pylist()])
    if pa.types.is_date64(t):
        return masked([{"date": v // 86_400_000} if v is not None else None for v in arr.cast(pa.int64()).to_pylist()])
    if pa.types.is_time32(t) or pa.types.is_time64(t):
        ints = arr.cast(pa.int32() if pa.types.is_time32(t) else pa.int64()).to_pylist()
        return masked([{"time": v, "unit": t.unit} for v in ints])
    if pa.types.is_timestamp(t):
        utc = t.tz is not None
        return masked([{"ts": v, "unit": t.unit, "utc": utc} for v in arr.cast(pa.int64()).to_pylist()])
    if pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_string_view(t):
        return arr.to_pylist()
    if (
        pa.types.is_binary(t)
        or pa.types.is_large_binary(t)
        or pa.types.is_fixed_size_binary(t)
        or pa.types.is_binary_view(t)
    ):
        return masked([{"b": v.hex()} if v is not None else None for v in arr.to_pylist()])
    if pa.types.is_map(t):
        entries = arr.values.flatten()  # struct<key, value> children, slicing offset applied
        keys = canon_array(entries[0])
        items = canon_array(entries[1])
        base = arr.values.offset
        offsets = arr.offsets.to_pylist()
        out = []
        for i in range(n):
            if not valid[i]:
                out.append(None)
                continue
            lo, hi = offsets[i] - base, offsets[i + 1] - base
            out.append({"map": [[keys[j], items[j]] for j in range(lo, hi)]})
        return out
    if pa.types.is_list(t) or pa.types.is_large_list(t):
        child = canon_array(arr.values)
        offsets = arr.offsets.to_pylist()
        return [child[offsets[i] : offsets[i + 1]] if valid[i] else None for i in range(n)]
    if pa.types.is_fixed_size_list(t):
        child = canon_array(arr.values)
        size = t.list_size
        return [child[(arr.offset + i) * size : (arr.offset + i + 1) * size] if valid[i] else None for i in range(n)]
    if pa.types.is_struct(t):
        children = [canon_array(c) for c in arr.flatten()]
        return [{"struct": [c[i] for c in children]} if valid[i] else None for i in range(n)]
    raise TypeError(f"no canonical form for Arrow type {t}")


def canon_table(table):
    """One canonical JSON line per row of `table`."""
    columns = [canon_array(c) for c in table.columns]
    return [dump_row(list(row)) for row in zip(*columns)] if columns else []


def dump_row(values):
    return json.dumps(values, ensure_ascii=True, separators=(",", ":"), allow_nan=False)


def lagoa_type(t):
    """The Arrow type `t` spelled as Lagoa's `DataType.description`, after the normalisations Lagoa
    makes on purpose (64-bit offsets only, dictionaries decoded, time32 widened, time zones reduced
    to UTC or none, extension types by their storage)."""
    if isinstance(t, pa.BaseExtensionType):
        return "boolean" if t.extension_name == "arrow.bool8" else lagoa_type(t.storage_type)
    if pa.types.is_dictionary(t):
        return lagoa_type(t.value_type)
    simple = {
        pa.bool_(): "boolean",
        pa.int8(): "int8",
        pa.int16(): "int16",
        pa.int32(): "int32",
        pa.int64(): "int64",
        pa.uint8(): "uint8",
        pa.uint16(): "uint16",
        pa.uint32(): "uint32",
        pa.uint64(): "uint64",
        pa.float32(): "float32",
        pa.float64(): "float64",
        pa.date32(): "date32",
        pa.date64(): "date32",
        pa.string(): "string",
        pa.large_string(): "string",
        pa.binary(): "binary",
        pa.large_binary(): "binary",
    }
    if t in simple:
        return simple[t]
    if pa.types.is_decimal(t):
        return f"decimal({t.precision}, {t.scale})"
    if pa.types.is_time32(t) or pa.types.is_time64(t):
        return f"time64[{t.unit}]"
    if pa.types.is_timestamp(t):
        return f"timestamp[{t.unit}, UTC]" if t.tz is not None else f"timestamp[{t.unit}]"
    if pa.types.is_fixed_size_binary(t):
        return f"fixed_size_binary[{t.byte_width}]"
    if pa.types.is_map(t):
        return f"map<{lagoa_type(t.key_type)}, {lagoa_type(t.item_type)}>"
    if pa.types.is_list(t) or pa.types.is_large_list(t) or pa.types.is_fixed_size_list(t):
        return f"list<{lagoa_type(t.value_type)}>"
    if pa.types.is_struct(t):
        return "struct<" + ", ".join(f"{f.name}: {lagoa_type(f.type)}" for f in t) + ">"
    return f"unsupported:{t}"


def read_canonical(path):
    table = pq.read_table(path)
    return [[f.name, lagoa_type(f.type)] for f in table.schema], canon_table(table)


def read_canonical_oracle(path):
    """Types, rows and the oracle's name: pyarrow, or DuckDB for the few DuckDB-written files that
    pyarrow refuses (DuckDB writes DELTA_BINARY_PACKED INT32 pages with 33-bit deltas)."""
    try:
        return (*read_canonical(path), "pyarrow")
    except OSError as error:
        con = duckdb.connect()
        con.execute("SET arrow_lossless_conversion = true")  # UUID as arrow.uuid, not text
        table = con.sql(f"SELECT * FROM read_parquet('{path}')").to_arrow_table()
        reason = f"duckdb (pyarrow cannot read the file: {error})"
        return [[f.name, lagoa_type(f.type)] for f in table.schema], canon_table(table), reason


# MARK: - Data


class Data:
    """Deterministic column values with the edge cases readers get wrong."""

    def __init__(self, seed):
        self.rng = random.Random(seed)

    def ints(self, bits, signed, n=ROWS):
        lo, hi = (-(2 ** (bits - 1)), 2 ** (bits - 1) - 1) if signed else (0, 2**bits - 1)
        edges = [lo, hi, 0, 1, hi, lo, lo + 1, hi - 1] + ([-1] if signed else [])
        out = list(edges)
        r = self.rng
        while len(out) < n:
            kind = len(out) // 250 % 4
            if kind == 0:  # full range: wide deltas, no dictionary wins
                out.append(r.randint(lo, hi))
            elif kind == 1:  # few distinct values: dictionary and RLE runs
                out.append(r.choice([lo, 0, 1, 7, hi]))
            elif kind == 2:  # ascending sequence: small deltas
                out.append(min(hi, max(lo, (out[-1] if out[-1] is not None else 0) + r.randint(0, 3))))
            else:  # small values
                out.append(r.randint(max(lo, -100), min(hi, 100)))
        return out[:n]

    def floats(self, single, n=ROWS):
        specials = [math.nan, math.inf, -math.inf, -0.0, 0.0, 1.0, -1.0]
        if single:
            specials += [1.401298464324817e-45, 3.4028234663852886e38, -3.4028234663852886e38, 1.1754943508222875e-38]
        else:
            specials += [5e-324, 1.7976931348623157e308, -1.7976931348623157e308, 2.2250738585072014e-308]
        r = self.rng
        out = list(specials)
        while len(out) < n:
            if len(out) % 3 == 0:
                out.append(r.choice(specials))
            elif len(out) % 3 == 1:
                out.append(round(r.uniform(-1000, 1000), 2))
            else:
                out.append(r.uniform(-1, 1) * 10 ** r.randint(-30, 30))
        if single:  # values must be exact float32s so the expected file is what was meant
            out = [struct.unpack("<f", struct.pack("<f", v))[0] for v in out]
        return out[:n]

    def decimals(self, precision, scale, n=ROWS):
        biggest = 10**precision - 1
        edges = [biggest, -biggest, 0, 1, -1, 10**scale, -(10**scale)]
        r = self.rng
        out = list(edges)
        while len(out) < n:
            digits = r.randint(1, precision)
            out.append(r.randint(-(10**digits - 1), 10**digits - 1))
        return [decimal.Decimal(v).scaleb(-scale, context=decimal.Context(prec=80)) for v in out[:n]]

    def days(self, n=ROWS):
        edges = [0, -1, 1, -719162, 2932896, 18262, 19723]
        r = self.rng
        return (edges + [r.randint(-25000, 40000) for _ in range(n)])[:n]

    def times(self, unit, n=ROWS):
        per_day = 86_400 * {"s": 1, "ms": 1000, "us": 1_000_000, "ns": 1_000_000_000}[unit]
        r = self.rng
        return ([0, per_day - 1, 1] + [r.randrange(per_day) for _ in range(n)])[:n]

    def timestamps(self, unit, n=ROWS):
        # Within 1677..2262 so every unit converts to nanoseconds (DuckDB, pandas) without overflow.
        limit = (2**63 - 1) // 1_000_000_000 * {"s": 1, "ms": 1000, "us": 1_000_000, "ns": 1_000_000_000}[unit]
        r = self.rng
        edges = [0, -1, 1, limit - 1, -limit + 1, 1_700_000_000 * (limit // ((2**63 - 1) // 1_000_000_000))]
        return (edges + [r.randint(-limit // 2, limit // 2) for _ in range(n)])[:n]

    STRINGS = [
        "",
        "a",
        "CornLake",
        "café",
        "naïve résumé",
        "日本語のテキスト",
        "emoji 🌽🚜 and more 👩‍🌾",
        "مرحبا",
        "Ω≈ç√∫",
        'quote " and backslash \\',
        "tab\tnew\nline\rcr",
        "nul\x00byte",
        "del\x7fchar",
        "e\u0301 combining",
        "\U0010ffff last scalar",
        "x" * 300,
    ]

    def strings(self, n=ROWS):
        r = self.rng
        out = list(self.STRINGS)
        while len(out) < n:
            kind = len(out) % 4
            if kind == 0:
                out.append(r.choice(self.STRINGS))
            elif kind == 1:  # shared prefixes for DELTA_BYTE_ARRAY
                out.append(f"s3://cornlake/harvest/year={r.randint(2000, 2030)}/farm-{r.randint(0, 999):03}.parquet")
            elif kind == 2:
                out.append("".join(r.choice("abcdefghijklmnopqrstuvwxyz ÀÉÎõü中文🌾") for _ in range(r.randint(0, 40))))
            else:
                out.append(str(r.randint(0, 50)))
        return out[:n]

    def blobs(self, n=ROWS, width=None):
        r = self.rng
        if width is not None:
            edges = [bytes(width), b"\xff" * width, bytes(range(width))]
            return (edges + [bytes(r.getrandbits(8) for _ in range(width)) if i % 3 else bytes([i % 7] * width) for i in range(n)])[:n]
        edges = [b"", b"\x00", b"\xff\xfe", bytes(range(256))]
        return (edges + [bytes(r.getrandbits(8) for _ in range(r.randint(0, 24))) for _ in range(n)])[:n]

    def bools(self, n=ROWS):
        r = self.rng
        out = []
        while len(out) < n:
            out.extend([r.random() < 0.5] * r.choice([1, 1, 2, 9, 40]))
        return out[:n]

    def some_nulls(self, values, every=7):
        return [None if (i % every == 3 or self.rng.random() < 0.05) else v for i, v in enumerate(values)]


# MARK: - Generation


class Generator:
    def __init__(self, folder):
        self.folder = folder
        self.manifest = []
        os.makedirs(folder, exist_ok=True)

    def record(self, name, peer, options):
        path = os.path.join(self.folder, name + ".parquet")
        types, rows, oracle = read_canonical_oracle(path)
        with open(os.path.join(self.folder, name + ".expected.jsonl"), "w", encoding="ascii") as out:
            for row in rows:
                out.write(row + "\n")
        with open(os.path.join(self.folder, name + ".expected.types.json"), "w", encoding="ascii") as out:
            json.dump(types, out)
        self.manifest.append({"name": name, "peer": peer, "options": options, "rows": len(rows), "oracle": oracle})

    def pyarrow(self, name, table, **options):
        assert "." not in name, name
        pq.write_table(table, os.path.join(self.folder, name + ".parquet"), **options)
        self.record(name, "pyarrow", "pq.write_table(" + ", ".join(f"{k}={v!r}" for k, v in options.items()) + ")")

    def duckdb(self, name, con, select, options):
        assert "." not in name, name
        path = os.path.join(self.folder, name + ".parquet")
        con.execute(f"COPY ({select}) TO '{path}' (FORMAT parquet, {options})")
        self.record(name, "duckdb", f"COPY (…) TO … (FORMAT parquet, {options})")

    def finish(self):
        with open(os.path.join(self.folder, "manifest.json"), "w") as out:
            json.dump(self.manifest, out, indent=1)


def typed_table(seed, types):
    """A table with, for each (name, type, values-maker), columns NAME (no nulls), NAME_some (some
    nulls) and NAME_all (all null)."""
    data = Data(seed)
    arrays, names = [], []
    for name, typ, make in types:
        values = make(data)
        arrays += [pa.array(values, typ), pa.array(data.some_nulls(values), typ), pa.nulls(ROWS, typ)]
        names += [name, name + "_some", name + "_all"]
    return pa.table(arrays, names=names)


def scalar_groups():
    """(group name, [(column, Arrow type, maker)], physical kind) for every scalar type."""
    int_types = [
        ("int8", pa.int8(), 8, True),
        ("int16", pa.int16(), 16, True),
        ("int32", pa.int32(), 32, True),
        ("int64", pa.int64(), 64, True),
        ("uint8", pa.uint8(), 8, False),
        ("uint16", pa.uint16(), 16, False),
        ("uint32", pa.uint32(), 32, False),
        ("uint64", pa.uint64(), 64, False),
    ]
    groups = [("bool", [("b", pa.bool_(), lambda d: d.bools())], "bool")]
    for name, typ, bits, signed in int_types:
        groups.append((name, [("v", typ, lambda d, b=bits, s=signed: d.ints(b, s))], "int"))
    groups += [
        ("float32", [("v", pa.float32(), lambda d: d.floats(True))], "float"),
        ("float64", [("v", pa.float64(), lambda d: d.floats(False))], "float"),
    ]
    for p, s in [(9, 2), (18, 4), (38, 10)]:
        groups.append((f"decimal{p}", [("v", pa.decimal128(p, s), lambda d, p=p, s=s: d.decimals(p, s))], "flba"))
    for p, s in [(9, 2), (18, 4)]:
        groups.append((f"decimal{p}_int", [("v", pa.decimal128(p, s), lambda d, p=p, s=s: d.decimals(p, s))], "int"))
    groups += [
        ("date32", [("v", pa.date32(), lambda d: d.days())], "int"),
        (
            "time",
            [
                ("ms", pa.time32("ms"), lambda d: d.times("ms")),
                ("us", pa.time64("us"), lambda d: d.times("us")),
                ("ns", pa.time64("ns"), lambda d: d.times("ns")),
            ],
            "int",
        ),
    ]
    for unit, tz in [("ms", "UTC"), ("us", "America/Sao_Paulo"), ("ns", "UTC")]:
        groups.append(
            (
                f"timestamp_{unit}",
                [
                    ("local", pa.timestamp(unit), lambda d, u=unit: d.timestamps(u)),
                    ("utc", pa.timestamp(unit, tz), lambda d, u=unit: d.timestamps(u)),
                ],
                "int",
            )
        )
    groups += [
        ("string", [("v", pa.string(), lambda d: d.strings())], "bytes"),
        ("binary", [("v", pa.binary(), lambda d: d.blobs())], "bytes"),
        ("fsb16", [("v", pa.binary(16), lambda d: d.blobs(width=16))], "flba"),
        ("uuid", [("v", pa.uuid(), lambda d: d.blobs(width=16))], "flba"),
    ]
    return groups


ENCODINGS = {
    # physical kind -> column encodings pyarrow can write for it (besides dictionary)
    "bool": ["PLAIN", "RLE"],
    "int": ["PLAIN", "DELTA_BINARY_PACKED", "BYTE_STREAM_SPLIT"],
    "float": ["PLAIN", "BYTE_STREAM_SPLIT"],
    "flba": ["PLAIN", "DELTA_BYTE_ARRAY", "BYTE_STREAM_SPLIT"],
    "bytes": ["PLAIN", "DELTA_LENGTH_BYTE_ARRAY", "DELTA_BYTE_ARRAY"],
}


def generate_pyarrow_scalars(gen):
    for seed, (group, types, kind) in enumerate(scalar_groups()):
        table = typed_table(seed, types)
        if group.endswith("_int"):
            extra = {"store_decimal_as_integer": True}
        else:
            extra = {}
        if kind != "bool":  # pyarrow never dictionary-encodes booleans
            gen.pyarrow(f"pa_{group}_dict", table, use_dictionary=True, **extra)
        for encoding in ENCODINGS[kind]:
            # PLAIN and BYTE_STREAM_SPLIT go into v2 pages, the rest into v1 pages.
            version = "2.0" if encoding in ("PLAIN", "BYTE_STREAM_SPLIT") else "1.0"
            gen.pyarrow(
                f"pa_{group}_{encoding.lower()}",
                table,
                use_dictionary=False,
                column_encoding=encoding,
                data_page_version=version,
                **extra,
            )
        if kind == "bool":
            gen.pyarrow("pa_bool_rle_v2", table, use_dictionary=False, column_encoding="RLE", data_page_version="2.0")
    # Legacy INT96 timestamps (nanoseconds, no time zone: INT96 has no unit or UTC flag).
    table = typed_table(100, [("ts", pa.timestamp("ns"), lambda d: d.timestamps("ns"))])
    gen.pyarrow("pa_int96_dict", table, use_deprecated_int96_timestamps=True)
    gen.pyarrow("pa_int96_plain", table, use_deprecated_int96_timestamps=True, use_dictionary=False)
    # large_string/large_binary and an Arrow dictionary column (decoded by every reader but pyarrow).
    data = Data(101)
    strings = data.strings()
    table = pa.table(
        {
            "large_string": pa.array(strings, pa.large_string()),
            "large_string_some": pa.array(data.some_nulls(strings), pa.large_string()),
            "large_binary": pa.array(data.blobs(), pa.large_binary()),
            "dictionary": pa.array(data.some_nulls(strings)).dictionary_encode(),
        }
    )
    gen.pyarrow("pa_large_types_dict", table)
    gen.pyarrow("pa_large_types_plain", table, use_dictionary=False, data_page_version="2.0")


def nested_arrays(data, nulls):
    """Nested columns with no nulls ("none"), nulls at every level ("some"), or all null ("all")."""
    r = data.rng
    some = nulls == "some"

    def maybe(v, p=0.1):
        return None if some and r.random() < p else v

    ints = [[maybe(r.randint(-1000, 1000), 0.05) for _ in range(r.choice([0, 1, 2, 3, 5, 20]))] for _ in range(ROWS)]
    nested_strings = [
        [
            maybe([maybe(r.choice(Data.STRINGS), 0.1) for _ in range(r.choice([0, 1, 3]))])
            for _ in range(r.choice([0, 1, 2, 4]))
        ]
        for _ in range(ROWS)
    ]
    structs = [
        {
            "id": maybe(i),
            "name": maybe(r.choice(Data.STRINGS)),
            "inner": maybe({"x": maybe(r.uniform(-5, 5)), "tags": maybe([r.choice("abc") for _ in range(r.randint(0, 3))])}),
        }
        for i in range(ROWS)
    ]
    maps = [
        [(f"k{j}", maybe(r.randint(0, 99))) for j in range(r.choice([0, 1, 2, 5]))]
        for _ in range(ROWS)
    ]
    list_structs = [
        [maybe({"crop": maybe(r.choice(["corn", "soy", "wheat", "café"])), "tonnes": maybe(r.randint(0, 500))}) for _ in range(r.choice([0, 1, 2, 6]))]
        for _ in range(ROWS)
    ]
    columns = {
        "list_int": (ints, pa.list_(pa.int64())),
        "list_list_string": (nested_strings, pa.list_(pa.list_(pa.string()))),
        "struct": (
            structs,
            pa.struct([("id", pa.int32()), ("name", pa.string()), ("inner", pa.struct([("x", pa.float64()), ("tags", pa.list_(pa.string()))]))]),
        ),
        "map": (maps, pa.map_(pa.string(), pa.int32())),
        "list_struct": (list_structs, pa.list_(pa.struct([("crop", pa.string()), ("tonnes", pa.int32())]))),
    }
    out = {}
    for name, (values, typ) in columns.items():
        if nulls == "all":
            out[name] = pa.nulls(ROWS, typ)
        else:
            out[name] = pa.array([maybe(v, 0.08) for v in values], typ)
    return out


def generate_pyarrow_nested(gen):
    for seed, nulls in enumerate(["none", "some", "all"]):
        arrays = nested_arrays(Data(200 + seed), nulls)
        for column, array in arrays.items():
            table = pa.table({"row": pa.array(range(ROWS), pa.int32()), column: array})
            gen.pyarrow(f"pa_nested_{column}_{nulls}", table)
            if nulls == "some":
                gen.pyarrow(
                    f"pa_nested_{column}_{nulls}_plain_v2",
                    table,
                    use_dictionary=False,
                    data_page_version="2.0",
                    data_page_size=2048,
                )
    arrays = nested_arrays(Data(210), "some")
    table = pa.table({"list_int": arrays["list_int"], "list_list_string": arrays["list_list_string"]})
    gen.pyarrow("pa_nested_legacy_list_names", table, use_compliant_nested_type=False)
    data = Data(211)
    fixed = pa.array(data.some_nulls([[data.rng.randint(0, 9) for _ in range(3)] for _ in range(ROWS)]), pa.list_(pa.int16(), 3))
    large = pa.array(data.some_nulls([data.strings(n=data.rng.randint(0, 4)) for _ in range(ROWS)]), pa.large_list(pa.string()))
    gen.pyarrow("pa_nested_fixed_and_large_lists", pa.table({"fixed_list": fixed, "large_list": large}))


def mixed_table(seed, n=ROWS):
    data = Data(seed)
    nested = nested_arrays(Data(seed + 1), "some")
    return pa.table(
        {
            "id": pa.array(range(n), pa.int64()),
            "small": pa.array(data.some_nulls(data.ints(16, True, n)), pa.int16()),
            "count": pa.array(data.ints(32, False, n), pa.uint32()),
            "flag": pa.array(data.some_nulls(data.bools(n)), pa.bool_()),
            "ratio": pa.array(data.some_nulls(data.floats(False, n)), pa.float64()),
            "weight": pa.array(data.floats(True, n), pa.float32()),
            "price": pa.array(data.some_nulls(data.decimals(12, 2, n)), pa.decimal128(12, 2)),
            "day": pa.array(data.days(n), pa.date32()),
            "at": pa.array(data.some_nulls(data.timestamps("us", n)), pa.timestamp("us", "UTC")),
            "crop": pa.array(data.some_nulls(data.strings(n)), pa.string()),
            "blob": pa.array(data.some_nulls(data.blobs(n)), pa.binary()),
            "list_int": nested["list_int"].slice(0, n),
            "struct": nested["struct"].slice(0, n),
            "map": nested["map"].slice(0, n),
        }
    )


def generate_pyarrow_mixed(gen):
    table = mixed_table(300)
    for codec in ["none", "snappy", "gzip", "zstd", "lz4"]:
        for version in ["1.0", "2.0"]:
            gen.pyarrow(f"pa_mixed_{codec}_v{version[0]}", table, compression=codec, data_page_version=version)
    for version in ["1.0", "2.0"]:
        for dictionary in [True, False]:
            gen.pyarrow(
                f"pa_mixed_pages_v{version[0]}_{'dict' if dictionary else 'plain'}",
                table,
                compression="zstd",
                data_page_version=version,
                use_dictionary=dictionary,
                data_page_size=1024,
                row_group_size=700,
                write_page_index=True,
            )
    gen.pyarrow("pa_mixed_rows_per_page", table, max_rows_per_page=100, row_group_size=1500, data_page_version="2.0")
    gen.pyarrow("pa_mixed_no_statistics", table, write_statistics=False, compression="gzip")
    gen.pyarrow("pa_mixed_format_1_0", table.drop_columns(["count"]), version="1.0")
    # A dictionary too large for its page: the writer falls back to PLAIN in the middle of a chunk.
    data = Data(301)
    unique = [f"{i:06}-" + s for i, s in enumerate(data.strings())]
    table = pa.table({"unique": pa.array(data.some_nulls(unique)), "ids": pa.array(data.ints(64, True))})
    gen.pyarrow("pa_dictionary_fallback", table, dictionary_pagesize_limit=2048, data_page_size=4096)
    gen.pyarrow("pa_dictionary_fallback_v2", table, dictionary_pagesize_limit=2048, data_page_size=4096, data_page_version="2.0")
    # An empty file (schema, no rows) and a file of several tiny row groups.
    gen.pyarrow("pa_empty", mixed_table(302).slice(0, 0))
    gen.pyarrow("pa_tiny_row_groups", mixed_table(303, n=50), row_group_size=7)


# DuckDB builds its own data from range(): its physical choices (INT32 decimals, UUID, ENUM,
# TIMESTAMP_NS, its page layout and dictionaries) differ from pyarrow's.
DUCKDB_NULL = "CASE WHEN i % 7 = 3 THEN NULL ELSE {} END"

DUCKDB_GROUPS = {
    "ints": [
        "(i % 2 = 0 OR i % 5 = 0)::BOOLEAN AS b",
        "((i * 37) % 256 - 128)::TINYINT AS i8",
        "((i * 7919) % 65536 - 32768)::SMALLINT AS i16",
        "((i * 2654435761) % 4294967296 - 2147483648)::INTEGER AS i32",
        "(hash(i) % 9223372036854775807)::BIGINT * (CASE WHEN i % 2 = 0 THEN 1 ELSE -1 END) AS i64",
        "((i * 37) % 256)::UTINYINT AS u8",
        "((i * 7919) % 65536)::USMALLINT AS u16",
        "((i * 2654435761) % 4294967296)::UINTEGER AS u32",
        "hash(i)::UBIGINT AS u64",
        "(i // 100)::INTEGER AS runs",
    ],
    "floats": [
        "(CASE i % 9 WHEN 0 THEN 'nan'::FLOAT WHEN 1 THEN 'inf'::FLOAT WHEN 2 THEN '-inf'::FLOAT "
        "WHEN 3 THEN '-0.0'::FLOAT ELSE (i * 1.25 - 700)::FLOAT END) AS f32",
        "(CASE i % 11 WHEN 0 THEN 'nan'::DOUBLE WHEN 1 THEN 'inf'::DOUBLE WHEN 2 THEN '-inf'::DOUBLE "
        "WHEN 3 THEN '-0.0'::DOUBLE WHEN 4 THEN 5e-324 ELSE sin(i) * 10 ** (i % 40 - 20) END) AS f64",
    ],
    "decimals": [
        "(((i * 37) % 2000 - 1000) / 10)::DECIMAL(4, 1) AS d4",
        "(((i * 7919) % 2000000 - 1000000) / 7)::DECIMAL(9, 2) AS d9",
        "((CASE WHEN i % 2 = 0 THEN '' ELSE '-' END) || (hash(i) % 999999999999999)::VARCHAR || '.' "
        "|| lpad((i % 1000)::VARCHAR, 3, '0'))::DECIMAL(18, 3) AS d18",
        "(CASE WHEN i = 0 THEN '9999999999999999999999999999.9999999999' "
        "WHEN i = 1 THEN '-9999999999999999999999999999.9999999999' "
        "ELSE (CASE WHEN i % 3 = 0 THEN '-' ELSE '' END) || (hash(i)::HUGEINT * (i % 1000000000))::VARCHAR "
        "|| '.' || lpad((hash(i * 7) % 10000000000)::VARCHAR, 10, '0') END)::DECIMAL(38, 10) AS d38",
    ],
    "temporal": [
        "(DATE '1970-01-01' + ((i * 7919) % 80000 - 30000)::INTEGER) AS day",
        "(TIME '00:00:00' + INTERVAL (i * 43201 % 86400) SECOND + INTERVAL (i % 1000000) MICROSECOND) AS tod",
        "(TIMESTAMP '1970-01-01' + INTERVAL (i * 9973 - 9000000) MINUTE + INTERVAL (i % 999999) MICROSECOND) AS ts",
        "(TIMESTAMP '2024-02-29 12:00:00' + INTERVAL (i * 1234567) MILLISECOND)::TIMESTAMP_MS AS ts_ms",
        "(TIMESTAMP '2000-01-01' + INTERVAL (i * 1234567) MICROSECOND)::TIMESTAMP_NS AS ts_ns",
        "(TIMESTAMPTZ '2024-01-01 00:00:00+00' + INTERVAL (i * 7777777) SECOND) AS ts_tz",
        "(TIMESTAMP '2024-01-01' + INTERVAL (i * 60) SECOND)::TIMESTAMP_S AS ts_s",
    ],
    "strings": [
        "(['', 'a', 'café', '日本語', '🌽🚜', 'quote \" back\\\\slash', 'tab\tand\nnewline'])[i % 7 + 1] || "
        "(CASE WHEN i % 3 = 0 THEN '' ELSE i::VARCHAR END) AS s",
        "('farm-' || lpad((i % 50)::VARCHAR, 3, '0')) AS farm",
        "('\\x' || lpad(to_hex(i), 8, '0'))::BLOB AS raw",
        "md5(i::VARCHAR)::UUID AS id",
        "(['corn', 'soy', 'wheat'])[i % 3 + 1]::ENUM('corn', 'soy', 'wheat') AS crop",
    ],
    "nested": [
        "(CASE WHEN i % 5 = 0 THEN []::INTEGER[] ELSE [i, NULL, i * 2][1:(i % 4)] END) AS list_int",
        "[['a', NULL], [], [i::VARCHAR]][1:(i % 4)] AS list_list",
        "{'x': i, 'y': (CASE WHEN i % 4 = 0 THEN NULL ELSE 'y' || i END), 'z': {'w': i * 0.5}} AS st",
        "MAP {'k' || (i % 3): i, 'k9': NULL} AS m",
        "[{'crop': 'corn', 'tonnes': i}, {'crop': NULL, 'tonnes': NULL}][1:(i % 3)] AS list_struct",
    ],
}


def duckdb_select(columns, n=ROWS, all_null=True):
    """SELECT of `columns` over range(n), each also with some nulls and (optionally) all null."""
    parts = []
    for column in columns:
        expr, _, name = column.rpartition(" AS ")
        parts.append(f"{expr} AS {name}")
        parts.append(f"{DUCKDB_NULL.format(expr)} AS {name}_some")
        if all_null:
            parts.append(f"CASE WHEN false THEN {expr} ELSE NULL END AS {name}_all")
    return f"SELECT {', '.join(parts)} FROM range({n}) t(i) ORDER BY i"


def generate_duckdb(gen):
    con = duckdb.connect()
    con.execute("SET threads = 1")  # deterministic row order and row groups
    for group, columns in DUCKDB_GROUPS.items():
        select = duckdb_select(columns)
        for version in ["v1", "v2"]:
            gen.duckdb(f"duck_{group}_{version}", con, select, f"PARQUET_VERSION {version}")
    mixed = duckdb_select([c for cs in DUCKDB_GROUPS.values() for c in cs[:2]], all_null=False)
    for codec in ["uncompressed", "snappy", "gzip", "zstd", "lz4"]:
        gen.duckdb(f"duck_mixed_{codec}", con, mixed, f"COMPRESSION {codec}")
    gen.duckdb("duck_mixed_zstd_v2", con, mixed, "COMPRESSION zstd, PARQUET_VERSION v2")
    big = duckdb_select([c for cs in DUCKDB_GROUPS.values() for c in cs[:2]], n=5000, all_null=False)
    gen.duckdb("duck_mixed_row_groups", con, big, "ROW_GROUP_SIZE 1000, COMPRESSION zstd")
    gen.duckdb("duck_mixed_row_groups_v2", con, big, "ROW_GROUP_SIZE 1000, PARQUET_VERSION v2")


def generate(folder):
    gen = Generator(folder)
    generate_pyarrow_scalars(gen)
    generate_pyarrow_nested(gen)
    generate_pyarrow_mixed(gen)
    generate_duckdb(gen)
    gen.finish()
    total = sum(os.path.getsize(os.path.join(folder, f)) for f in os.listdir(folder))
    print(f"generated {len(gen.manifest)} Parquet files ({total / 1e6:.1f} MB with expected rows) in {folder}")


# MARK: - Verification of Lagoa-written files


def first_difference(expected, actual):
    for i, (e, a) in enumerate(zip(expected, actual)):
        if e != a:
            return f"row {i}: expected {e} got {a}"
    if len(expected) != len(actual):
        return f"row counts differ: expected {len(expected)}, got {len(actual)}"
    return None


def expected(folder, name):
    """What the oracle read from DIR/NAME.parquet at generation time."""
    with open(os.path.join(folder, name + ".expected.types.json")) as types:
        with open(os.path.join(folder, name + ".expected.jsonl")) as rows:
            return json.load(types), rows.read().splitlines()


def check_pyarrow(folder, name, written):
    types, rows = expected(folder, name)
    try:
        got_types, got_rows = read_canonical(written)
    except Exception as error:  # noqa: BLE001 - any reader failure is the finding
        return f"pyarrow cannot read it: {type(error).__name__}: {error}"
    if types != got_types:
        diffs = [f"{e} -> {a}" for e, a in zip(types, got_types) if e != a]
        if len(types) != len(got_types):
            diffs.append(f"{len(types)} columns -> {len(got_types)} columns")
        return "column types differ: " + "; ".join(diffs)
    return first_difference(rows, got_rows)


# Type changes DuckDB reports that are not Lagoa's fault: (type of the original, type of the
# Lagoa-written file, physical type of the original column) -> (why, the SELECT expression that
# brings Lagoa's column {0} to the original's type so the values can still be compared exactly).
BENIGN_DUCKDB_TYPE_CHANGES = {
    # DuckDB reads INT96 as microseconds, dropping the sub-microsecond digits (a floor); Lagoa keeps
    # the nanoseconds. The same floor applied to Lagoa's column must give the same instants.
    ("TIMESTAMP", "TIMESTAMP_NS", "INT96"): (
        "INT96 read as microseconds by DuckDB",
        "make_timestamp((epoch_ns({0}) - ((epoch_ns({0}) % 1000) + 1000) % 1000) // 1000) AS {0}",
    ),
}


def physical_types(path):
    """Top-level column name -> physical type, for columns that are a single leaf."""
    schema = pq.ParquetFile(path).metadata.schema
    return {schema.column(i).path: schema.column(i).physical_type for i in range(len(schema))}


def duckdb_canonical(con, path):
    con.execute("SET arrow_lossless_conversion = true")  # UUID as arrow.uuid, not text
    return canon_table(con.sql(f"SELECT * FROM read_parquet('{path}')").to_arrow_table())


def check_duckdb(con, folder, name, original, written, readable):
    """`None` when DuckDB reads `written` with the values it reads from `original`. When DuckDB
    cannot read the original at all (`readable[name]` holds the error), DuckDB's reading of the
    Lagoa file is compared with the expected rows instead."""
    a = f"read_parquet('{original}')"
    b = f"read_parquet('{written}')"
    if name not in readable:
        try:
            con.execute(f"SELECT bit_xor(hash(t)) FROM {a} t").fetchall()  # decodes every value
            readable[name] = None
        except duckdb.Error as error:
            readable[name] = f"{type(error).__name__}: {error}"
    if readable[name] is not None:
        try:
            rows = duckdb_canonical(con, written)
        except duckdb.Error as error:
            return f"DuckDB cannot read it: {type(error).__name__}: {error}"
        problem = first_difference(expected(folder, name)[1], rows)
        return f"{problem} (DuckDB cannot read the original, compared with the expected rows)" if problem else None
    try:
        types = con.execute(f"DESCRIBE SELECT * FROM {a}").fetchall()
        got_types = con.execute(f"DESCRIBE SELECT * FROM {b}").fetchall()
        if len(types) != len(got_types):
            return f"column counts differ: {len(types)} -> {len(got_types)}"
        physical = physical_types(original)
        select, diffs = [], []
        for e, g in zip(types, got_types):
            column = '"' + g[0].replace('"', '""') + '"'
            if e[:2] == g[:2]:
                select.append(column)
            elif e[0] == g[0] and (e[1], g[1], physical.get(e[0])) in BENIGN_DUCKDB_TYPE_CHANGES:
                select.append(BENIGN_DUCKDB_TYPE_CHANGES[(e[1], g[1], physical.get(e[0]))][1].format(column))
            else:
                diffs.append(f"{e[0]} {e[1]} -> {g[0]} {g[1]}")
        if diffs:
            return "column types differ: " + "; ".join(diffs)
        n = con.execute(f"SELECT count(*) FROM {a}").fetchone()[0]
        m = con.execute(f"SELECT count(*) FROM {b}").fetchone()[0]
        if n != m:
            return f"row counts differ: expected {n}, got {m}"
        lagoa = f"SELECT {', '.join(select)} FROM {b}"
        # Rows come back as text: converting TIMESTAMPTZ to Python would need pytz.
        missing = con.execute(f"SELECT CAST(r AS VARCHAR) FROM (SELECT * FROM {a} EXCEPT ALL {lagoa}) r LIMIT 1").fetchall()
        extra = con.execute(f"SELECT CAST(r AS VARCHAR) FROM ({lagoa} EXCEPT ALL SELECT * FROM {a}) r LIMIT 1").fetchall()
    except duckdb.Error as error:
        return f"DuckDB cannot read it: {type(error).__name__}: {error}"
    if missing or extra:
        return f"rows differ: only in the original {missing[0][0] if missing else '-'}; only in Lagoa's file {extra[0][0] if extra else '-'}"
    return None


def verify(folder):
    lagoa = os.path.join(folder, "lagoa")
    files = sorted(f for f in os.listdir(lagoa) if f.endswith(".parquet")) if os.path.isdir(lagoa) else []
    if not files:
        print(f"FAIL no Lagoa-written files in {lagoa}")
        return 1
    con = duckdb.connect()
    readable = {}
    failures = 0
    for file in files:
        name = file.split(".")[0]
        original = os.path.join(folder, name + ".parquet")
        written = os.path.join(lagoa, file)
        if not os.path.exists(original):
            print(f"FAIL lagoa/{file}: no original {name}.parquet")
            failures += 1
            continue
        for peer, problem in [
            ("pyarrow", check_pyarrow(folder, name, written)),
            ("duckdb", check_duckdb(con.cursor(), folder, name, original, written, readable)),
        ]:
            if problem:
                failures += 1
                print(f"FAIL lagoa/{file} [{peer}] {problem}"[:2000])
    print(f"verified {len(files)} Lagoa-written files with pyarrow and DuckDB: {failures} failures")
    return 1 if failures else 0


def main(argv):
    if len(argv) != 3 or argv[1] not in ("generate", "verify", "canon"):
        print(__doc__, file=sys.stderr)
        return 2
    command, target = argv[1], argv[2]
    if command == "generate":
        generate(target)
        return 0
    if command == "verify":
        return verify(target)
    for line in read_canonical(target)[1]:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
