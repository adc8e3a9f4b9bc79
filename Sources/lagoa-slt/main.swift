import Foundation
import LagoaEngine
import LagoaSQLLogicTest

// lagoa-slt [--complete] [--warehouse DIR] [--threads N] [--tolerance X] FILE_OR_FOLDER…
//
// Runs sqllogictest files against Lagoa, each in a fresh temporary warehouse (or in DIR), prints a
// `file:line` report for every mismatch and exits 1 when there is one. `--complete` rewrites the
// expected output in place from what Lagoa returned; review the diff before committing it.

let usage = """
    usage: lagoa-slt [--complete] [--warehouse DIR] [--threads N] [--tolerance X] [--slow] FILE_OR_FOLDER…
      --complete       rewrite expected results in place from Lagoa's output
      --warehouse DIR  run in DIR (kept) instead of a fresh temporary warehouse per file
      --threads N      worker threads of the engine (default: all cores)
      --tolerance X    relative tolerance for floating-point values (default 1e-9)
      --slow           include *.slow.slt files when a folder is given
    """

struct Arguments {
    var complete = false
    var warehouse: String?
    var threads: Int?
    var tolerance = 1e-9
    var slow = false
    var paths: [String] = []

    init(_ arguments: [String]) throws {
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--complete": complete = true
            case "--slow": slow = true
            case "--warehouse": warehouse = try Self.value(&rest, argument)
            case "--threads":
                guard let n = Int(try Self.value(&rest, argument)), n > 0 else { throw SLTError(.invalidOption, "--threads needs a positive integer") }
                threads = n
            case "--tolerance":
                guard let x = Double(try Self.value(&rest, argument)), x >= 0 else { throw SLTError(.invalidOption, "--tolerance needs a non-negative number") }
                tolerance = x
            case "-h", "--help":
                FileHandle.standardOutput.write(Data((usage + "\n").utf8))
                exit(0)
            default:
                if argument.hasPrefix("--") { throw SLTError(.invalidOption, "unknown option '\(argument)'\n\(usage)") }
                paths.append(argument)
            }
        }
        if paths.isEmpty { throw SLTError(.invalidOption, "no .slt file or folder given\n\(usage)") }
    }

    private static func value(_ rest: inout ArraySlice<String>, _ name: String) throws -> String {
        guard let value = rest.popFirst() else { throw SLTError(.invalidOption, "\(name) needs a value") }
        return value
    }
}

func report(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

func runMain() async -> Int32 {
    let arguments: Arguments
    do {
        arguments = try Arguments(Array(CommandLine.arguments.dropFirst()))
    } catch {
        report("lagoa-slt: \(error)")
        return 2
    }
    let runner = SLTFileRunner(
        runner: SLTRunner(comparer: SLTResultComparer(relativeTolerance: arguments.tolerance)),
        options: EngineOptions(threads: arguments.threads)
    )
    var files: [String] = []
    for path in arguments.paths {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            do {
                files += try SLTFileRunner.files(under: path, includeSlow: arguments.slow)
            } catch {
                report("lagoa-slt: \(error)")
                return 2
            }
        } else {
            files.append(path)
        }
    }
    var failures = 0
    var executed = 0
    for file in files {
        do {
            let result = try await runner.run(path: file, warehouse: arguments.warehouse, complete: arguments.complete)
            executed += result.executed
            if arguments.complete {
                report("\(file): completed (\(result.executed) records)")
            } else {
                for mismatch in result.mismatches { report("\(mismatch)\n") }
                failures += result.mismatches.count
            }
        } catch {
            report("lagoa-slt: \(error)")
            failures += 1
        }
    }
    report("lagoa-slt: \(files.count) files, \(executed) records, \(failures) mismatches")
    return failures == 0 ? 0 : 1
}

exit(await runMain())
