import Foundation
import LagoaColumnar
public import LagoaIngest

/// A folder of exported files: each `name.csv` / `name.jsonl` / `name.parquet` is a table `name`,
/// and each sub-folder of such files is one table named after the folder (its files read in name
/// order, typed like the first one).
public struct FilesSource: IngestSource {
    public let folder: String

    public init(folder: String) {
        self.folder = folder
    }

    public var displayName: String { folder }

    /// Table name → its files, sorted.
    func catalog() throws(IngestError) -> [String: (kind: FileKind, files: [String])] {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw IngestError(.connection, "\(folder) is not a folder; a files source reads a folder of .csv, .jsonl or .parquet files")
        }
        let entries = ((try? manager.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        var tables: [String: (kind: FileKind, files: [String])] = [:]
        for entry in entries {
            let path = folder + "/" + entry
            var sub: ObjCBool = false
            _ = manager.fileExists(atPath: path, isDirectory: &sub)
            if sub.boolValue {
                let files = ((try? manager.contentsOfDirectory(atPath: path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
                    .map { path + "/" + $0 }.filter { FileKind(path: $0) != nil }
                guard let first = files.first, let kind = FileKind(path: first) else { continue }
                guard files.allSatisfy({ FileKind(path: $0) == kind }) else {
                    throw IngestError(.source, "folder \(path) mixes file formats; keep one format per table folder")
                }
                tables[Self.tableName(entry)] = (kind, files)
            } else if let kind = FileKind(path: entry) {
                let stem = String(entry[..<(entry.lastIndex(of: ".") ?? entry.endIndex)])
                let name = Self.tableName(stem)
                if tables[name] != nil { throw IngestError(.source, "two files or folders in \(folder) are both table '\(name)'; rename one") }
                tables[name] = (kind, [path])
            }
        }
        return tables
    }

    /// `Orders 2026` → `orders_2026`.
    static func tableName(_ text: String) -> String {
        text.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
    }

    public func listTables(schema: String?) throws(IngestError) -> [SourceTableName] {
        try catalog().keys.sorted().map { SourceTableName(name: $0) }
    }

    public func describe(_ table: SourceTableName) throws(IngestError) -> SourceTableSchema {
        let tables = try catalog()
        guard let entry = tables[table.name] else {
            throw IngestError(.notFound, "no file or folder for table '\(table.name)' in \(folder) (tables: \(tables.keys.sorted().joined(separator: ", ")))")
        }
        let first = entry.files[0]
        let kind = entry.kind
        let schema = try AsyncBridge.wait { () async throws(IngestError) in
            do throws(IngestFileError) {
                return try await FileBatchReader.open(first, kind: kind, schema: nil, batchRows: 1024).schema
            } catch {
                throw FilesCursor.translate(error, table: table)
            }
        }
        return SourceTableSchema(schema.fields.map { SourceColumn(name: $0.name, sourceType: "\(kind.rawValue) \($0.type)", type: $0.type) })
    }

    public func open(_ request: ExtractRequest) throws(IngestError) -> any SourceCursor {
        guard let entry = try catalog()[request.table.name] else {
            throw IngestError(.notFound, "no file or folder for table '\(request.table.name)' in \(folder)")
        }
        return FilesCursor(request: request, kind: entry.kind, files: entry.files)
    }
}
