// lagoa-catalog-stress: one writer process of LagoaCatalogSQLTests' multi-process commit test.
//
//   lagoa-catalog-stress sqlite PATH TABLE COUNT
//   lagoa-catalog-stress postgres URL TABLE COUNT
//
// Moves TABLE's metadata pointer COUNT times from "v<N>" to "v<N+1>", each step a compare-and-swap
// commit retried on commit conflicts, then prints "commits=COUNT conflicts=C". Exits 1 on any other
// error. With W such processes on a table starting at v0, no lost commit means it ends at v<W×COUNT>.
import LagoaCatalogSQL
import LagoaIceberg

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes `text` to file descriptor `fd` (1 = stdout, 2 = stderr).
func emit(_ text: String, to fd: Int32) {
    var bytes = Array(text.utf8)
    _ = write(fd, &bytes, bytes.count)
}

func fail(_ message: String) -> Never {
    emit("lagoa-catalog-stress: \(message)\n", to: 2)
    exit(1)
}

let arguments = CommandLine.arguments
guard arguments.count == 5, let count = Int(arguments[4]) else {
    fail("usage: lagoa-catalog-stress sqlite PATH|postgres URL TABLE COUNT")
}

do {
    let store: any CatalogStore
    switch arguments[1] {
    case "sqlite": store = try SQLiteCatalogStore(path: arguments[2])
    case "postgres": store = try PostgresCatalogStore(url: arguments[2])
    default: fail("unknown database '\(arguments[1])'; use sqlite or postgres")
    }
    let table = try TableIdentifier(parsing: arguments[3])
    var conflicts = 0
    for _ in 0..<count {
        while true {
            let current = try await store.metadataLocation(of: table)
            guard current.hasPrefix("v"), let step = Int(current.dropFirst()) else {
                fail("table '\(table)' points at '\(current)', not at v<N>")
            }
            do {
                try await store.commit([MetadataSwap(table: table, expected: current, new: "v\(step + 1)")])
                break
            } catch where error.code == .commitConflict {
                conflicts += 1
            }
        }
    }
    emit("commits=\(count) conflicts=\(conflicts)\n", to: 1)
} catch {
    fail("\(error)")
}
