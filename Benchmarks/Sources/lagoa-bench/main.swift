import LagoaColumnar
import LagoaCompression
import LagoaParquet

#if canImport(Glibc)
import Glibc
#endif

/// `lagoa-bench read FILE [--columns a,b] [--threads N] [--repeat R]`
/// `lagoa-bench write IN OUT [--compression C] [--threads N] [--repeat R]`
/// `lagoa-bench catalog DIR [--appends N] [--rows R]` (see CatalogBench.swift)
/// `lagoa-bench tpch load|run …` (see TPCHBench.swift)
/// Prints one JSON line per run: {"op":…, "rows":…, "seconds":…}. Times are wall clock, best of R.
func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func option(_ name: String, _ args: [String]) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}

func fail(_ message: String) -> Never {
    let line = "lagoa-bench: \(message)\n"
    _ = line.withCString { write(2, $0, strlen($0)) }
    exit(2)
}

let args = Array(CommandLine.arguments.dropFirst())
guard let command = args.first else { fail("usage: lagoa-bench read|write …") }
let threads = option("--threads", args).flatMap(Int.init)
let repeats = option("--repeat", args).flatMap(Int.init) ?? 3

switch command {
case "tpch":
    try await TPCHBench.main(args, threads: threads, repeats: repeats)
case "read":
    guard args.count >= 2 else { fail("usage: lagoa-bench read FILE [--columns a,b] [--threads N]") }
    let columns = option("--columns", args).map { $0.split(separator: ",").map(String.init) }
    var best = Double.infinity
    var rows = 0
    var checksum = 0
    for _ in 0..<repeats {
        let start = now()
        let reader = try await ParquetFileReader(path: args[1])
        rows = 0
        checksum = 0
        for try await batch in reader.batches(ParquetReadOptions(columns: columns, parallelism: threads)) {
            rows += batch.rowCount
            checksum &+= batch.columns.count
        }
        best = min(best, now() - start)
    }
    print("{\"op\":\"read\",\"rows\":\(rows),\"seconds\":\(best),\"threads\":\(threads ?? 0)}")
case "write":
    guard args.count >= 3 else { fail("usage: lagoa-bench write IN OUT [--compression C] [--threads N]") }
    let reader = try await ParquetFileReader(path: args[1])
    let batches = try await reader.readAll(ParquetReadOptions(batchSize: 1 << 20))
    let compression = option("--compression", args) ?? "snappy"
    guard let codec = CompressionCodec(name: compression) else { fail("unknown codec \(compression)") }
    var best = Double.infinity
    let rows = batches.reduce(0) { $0 + $1.rowCount }
    for _ in 0..<repeats {
        let start = now()
        var options = ParquetWriteOptions()
        options.compression = codec
        if let threads { options.parallelism = threads }
        let writer = try ParquetFileWriter(path: args[2], schema: reader.schema.arrowSchema, options: options)
        for batch in batches { try await writer.write(batch) }
        _ = try await writer.close()
        best = min(best, now() - start)
    }
    print("{\"op\":\"write\",\"rows\":\(rows),\"seconds\":\(best),\"threads\":\(threads ?? 0),\"compression\":\"\(compression)\"}")
case "catalog":
    try await runCatalogBench(args)
default:
    fail("unknown command \(command)")
}
