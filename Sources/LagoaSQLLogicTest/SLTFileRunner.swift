import Foundation
import LagoaTesting
public import LagoaEngine

/// Runs whole files, each in its own fresh warehouse, and optionally completes them in place: what
/// `lagoa-slt` and the SQLLogicTests suite share.
public struct SLTFileRunner: Sendable {
    public var runner: SLTRunner
    public var options: EngineOptions

    public init(runner: SLTRunner = SLTRunner(), options: EngineOptions = EngineOptions()) {
        self.runner = runner
        self.options = options
    }

    /// Runs the file at `path` in a new temporary warehouse (or in `warehouse`, kept afterwards).
    /// With `complete`, rewrites the file's expected output from the results.
    /// - Throws: ``SLTError`` when the file cannot be read, parsed or written, or the warehouse cannot be opened.
    public func run(path: String, warehouse folder: String? = nil, complete: Bool = false) async throws(SLTError) -> SLTFileReport {
        let text = try SLTRunner.read(path)
        let records = try SLTParser.parse(text, path: path)
        let warehouse = try await SLTWarehouse.make(folder: folder, options: options)
        defer { warehouse.remove() }
        var runner = runner
        runner.substitutions += [
            ("__TEST_DIR__", warehouse.folder),
            ("__TEST_DATA__", TestPaths.repositoryRoot() + "/TestData"),
        ]
        let report = await runner.run(records: records, path: path, session: warehouse.engine.makeSession())
        if complete {
            let completed = SLTCompleter.complete(text, report: report)
            if completed != text {
                do {
                    try completed.write(toFile: path, atomically: true, encoding: .utf8)
                } catch {
                    throw SLTError(.io, "cannot rewrite '\(path)': \(error)", cause: error)
                }
            }
        }
        return report
    }

    /// Every `.slt` file under `folder` (recursively), sorted; `*.slow.slt` only when `includeSlow`.
    /// - Throws: ``SLTError`` when the folder cannot be listed.
    public static func files(under folder: String, includeSlow: Bool) throws(SLTError) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else {
            throw SLTError(.io, "cannot list '\(folder)'; is it the SQLTests folder of the repository?")
        }
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".slt") else { continue }
            if relative.hasSuffix(".slow.slt") && !includeSlow { continue }
            found.append(folder + "/" + relative)
        }
        return found.sorted()
    }
}
