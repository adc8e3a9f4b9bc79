import Foundation
import LagoaAvro
import LagoaTesting
import Testing

/// Avro files written by fastavro and PyIceberg read by Lagoa, and Lagoa's files read by fastavro
/// (`scripts/interop/avro_peer.py`). Run only with `LAGOA_INTEGRATION=1`; Python from `LAGOA_PYTHON`
/// or `<repo>/.venv/bin/python`.
@Suite(
    "Interop: Avro files with fastavro and PyIceberg",
    .enabled(if: TestPaths.environment("LAGOA_INTEGRATION") == "1", "Avro interop tests run only with LAGOA_INTEGRATION=1")
)
struct AvroInteropTests {
    static let root = TestPaths.repositoryRoot()

    static func python() throws -> String {
        if let configured = TestPaths.environment("LAGOA_PYTHON"), !configured.isEmpty { return configured }
        let local = root + "/.venv/bin/python"
        guard FileManager.default.isExecutableFile(atPath: local) else {
            throw PeerFailure("LAGOA_PYTHON is not set and \(local) does not exist; run `make venv`")
        }
        return local
    }

    /// Runs `avro_peer.py COMMAND FOLDER`; returns exit status and stdout+stderr.
    static func peer(_ command: String, _ folder: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try python())
        process.arguments = [root + "/scripts/interop/avro_peer.py", command, folder]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else { throw PeerFailure("cannot read \(path)") }
        return [UInt8](data)
    }

    @Test("Lagoa reads every fastavro-written file (every type, logical types, each codec, many blocks) with fastavro's values")
    func readFastavroFiles() throws {
        let folder = TestPaths.temporaryDirectory(prefix: "lagoa-avro-interop")
        defer { TestPaths.remove(folder) }
        let result = try Self.peer("generate", folder)
        try #require(result.status == 0, "avro_peer.py generate failed:\n\(result.output)")
        struct Entry: Decodable { var name: String; var codec: String; var records: Int }
        let entries = try JSONDecoder().decode([Entry].self, from: Data(try Self.bytes(folder + "/manifest.json")))
        #expect(entries.count == 9)
        for entry in entries {
            let reader = try AvroFileReader(bytes: try Self.bytes("\(folder)/\(entry.name).avro"), name: entry.name + ".avro")
            #expect(reader.codec.name == entry.codec)
            let records = try reader.records()
            #expect(records.count == entry.records, "\(entry.name)")
            let expected = String(decoding: try Self.bytes("\(folder)/\(entry.name).expected.jsonl"), as: UTF8.self)
                .split(separator: "\n").map(String.init)
            let actual = records.map(AvroCanonicalJSON.encode)
            if let index = (0..<min(expected.count, actual.count)).first(where: { expected[$0] != actual[$0] }) {
                Issue.record("\(entry.name) record \(index):\n  fastavro: \(expected[index].prefix(800))\n  Lagoa:    \(actual[index].prefix(800))")
            }
            #expect(expected.count == actual.count)
            // The header schema survives Lagoa's parse → serialize → parse.
            #expect(try AvroSchema(json: reader.writerSchema.json) == reader.writerSchema)
            if entry.records > 0 {
                #expect(reader.metadataString("lagoa.test") == "yes")
            }
        }
    }

    @Test("fastavro reads every Lagoa-written file with the values Lagoa wrote")
    func writeForFastavro() throws {
        let folder = TestPaths.temporaryDirectory(prefix: "lagoa-avro-interop")
        defer { TestPaths.remove(folder) }
        let values = (0..<1200).map(AvroFileRoundTripTests.everyTypeRecord)
        let expected = values.map { AvroCanonicalJSON.encode($0) + "\n" }.joined()
        let codecs: [AvroCodec] = [.null, .deflate(level: nil), .snappy, .zstd(level: nil), .zstd(level: 9)]
        for (i, codec) in codecs.enumerated() {
            var writer = try AvroFileWriter(
                schema: AvroFileRoundTripTests.everyType, codec: codec, metadata: ["k": "v"], name: "lagoa", blockSize: 4096)
            try writer.append(contentsOf: values)
            let name = "\(folder)/lagoa-\(i)-\(codec.name)"
            try Data(try writer.finish()).write(to: URL(fileURLWithPath: name + ".avro"))
            try Data(expected.utf8).write(to: URL(fileURLWithPath: name + ".expected.jsonl"))
        }
        let result = try Self.peer("verify", folder)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("verified \(codecs.count) files, 0 failed"), "\(result.output)")
    }

    @Test("Lagoa reads PyIceberg's manifest lists and manifests, with their writer schemas and with Iceberg's v2 reader schemas")
    func pyiceberg() throws {
        let folder = TestPaths.temporaryDirectory(prefix: "lagoa-avro-iceberg")
        defer { TestPaths.remove(folder) }
        let result = try Self.peer("iceberg", folder)
        try #require(result.status == 0, "avro_peer.py iceberg failed:\n\(result.output)")
        struct File: Decodable { var path: String; var kind: String; var records: Int }
        struct Output: Decodable { var files: [File] }
        let line = try #require(result.output.split(separator: "\n").last { $0.hasPrefix("{") })
        let files = try JSONDecoder().decode(Output.self, from: Data(line.utf8)).files
        #expect(files.filter { $0.kind == "manifest_list" }.count == 2)
        #expect(files.filter { $0.kind == "manifest" }.count == 2)
        let manifestFile = try AvroSchema(json: IcebergSchemas.manifestFileV2)
        for file in files {
            let reader = try AvroFileReader(bytes: try Self.bytes(file.path), name: file.path)
            let records = try reader.records()
            #expect(records.count == file.records, "\(file.path)")
            #expect(try AvroSchema(json: reader.writerSchema.json) == reader.writerSchema)
            if file.kind == "manifest_list" {
                let resolved = try reader.records(readerSchema: manifestFile)
                #expect(resolved.count == file.records)
                for record in resolved {
                    guard case .record(let fields) = record else { continue }
                    #expect(fields[0].string?.hasSuffix(".avro") == true)
                }
            } else {
                #expect(reader.metadataString("format-version") != nil)
                guard case .record(let entry) = reader.writerSchema else {
                    Issue.record("manifest schema is \(reader.writerSchema)")
                    continue
                }
                #expect(entry.field("data_file")?.fieldID == 2)
            }
        }
    }
}

struct PeerFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
