import ArgumentParser
@testable import LagoaCLI
import LagoaColumnar
import LagoaParquet
import LagoaTesting
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite("lagoa convert")
struct ConvertCommandTests {
    static func write(_ text: String, to path: String) {
        let file = fopen(path, "w")!
        fputs(text, file)
        fclose(file)
    }

    static func read(_ path: String) -> String {
        guard let file = fopen(path, "r") else { return "" }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = fread(&buffer, 1, buffer.count, file)
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func run(_ arguments: [String]) async throws {
        var command = try LagoaCommand.parseAsRoot(arguments)
        if var async = command as? any AsyncParsableCommand {
            try await async.run()
        } else {
            try command.run()
        }
    }

    @Test("CSV → Parquet → JSON lines keeps every value, with type overrides")
    func roundTrip() async throws {
        let dir = TestPaths.temporaryDirectory()
        defer { TestPaths.remove(dir) }
        Self.write(
            """
            farm_id,crop,harvested,tonnes,certified
            1,soy,2026-03-01,12.50,true
            2,"corn, white",,8.00,false
            3,wheat,2026-03-09,,\n
            """, to: dir + "/h.csv")
        try await Self.run(["convert", dir + "/h.csv", dir + "/h.parquet", "--compression", "zstd", "--type", "tonnes=decimal(10,2)"])
        let reader = try await ParquetFileReader(path: dir + "/h.parquet")
        #expect(reader.schema.arrowSchema.fields.map(\.type) == [.int64, .string, .date32, .decimal128(precision: 10, scale: 2), .boolean])
        try await Self.run(["convert", dir + "/h.parquet", dir + "/h.jsonl"])
        #expect(Self.read(dir + "/h.jsonl") == """
            {"farm_id":1,"crop":"soy","harvested":"2026-03-01","tonnes":"12.50","certified":true}
            {"farm_id":2,"crop":"corn, white","harvested":null,"tonnes":"8.00","certified":false}
            {"farm_id":3,"crop":"wheat","harvested":"2026-03-09","tonnes":null,"certified":null}\n
            """)
    }

    @Test("bad arguments are refused before any file is touched")
    func validation() {
        #expect(throws: (any Error).self) { try LagoaCommand.parseAsRoot(["convert", "a.csv", "b.txt"]) }
        #expect(throws: (any Error).self) { try LagoaCommand.parseAsRoot(["convert", "a.csv", "b.parquet", "--compression", "brotli"]) }
        #expect(throws: (any Error).self) { try LagoaCommand.parseAsRoot(["convert", "a.csv", "b.parquet", "--type", "x=float128"]) }
    }

    @Test("a CSV value that does not parse fails and leaves no output file")
    func failureLeavesNothing() async throws {
        let dir = TestPaths.temporaryDirectory()
        defer { TestPaths.remove(dir) }
        Self.write("id,price\n1,2.5\n2,abc\n", to: dir + "/p.csv")
        await #expect(throws: (any Error).self) {
            try await Self.run(["convert", dir + "/p.csv", dir + "/p.parquet", "--type", "price=float64"])
        }
        #expect(access(dir + "/p.parquet", F_OK) != 0)
    }
}
