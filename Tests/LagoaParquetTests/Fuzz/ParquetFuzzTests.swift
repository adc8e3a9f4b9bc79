import LagoaColumnar
import LagoaCore
import LagoaParquet
import LagoaTesting
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Mutation fuzzing of the Parquet reader: small valid files from `TestData/parquet/fuzz-seeds/` are
/// corrupted with a seeded PRNG (bit flips, byte overwrites, truncation, duplicated or deleted
/// ranges, 4-byte runs set to 0xFFFFFFFF / 0x7FFFFFFF / 0, and footer varints replaced by edge
/// values with the footer length fixed up, so the footer still parses) and read from memory. Every mutant must
/// either read or throw a ``ParquetError`` or ``IOError``; a crash, a hang or any other error is a
/// reader bug.
///
/// Each mutant has its own 64-bit seed (`base + iteration`), so one failure is replayed alone:
///
///     LAGOA_FUZZ_REPLAY=0x… swift test --filter ParquetFuzzTests
///
/// Environment:
/// - `LAGOA_SLOW_TESTS=1`: 100,000 mutants instead of 2,000.
/// - `LAGOA_FUZZ_COUNT=n`, `LAGOA_FUZZ_START=i`, `LAGOA_FUZZ_BASE=seed`: another count, first iteration
///   or base seed (for long runs).
/// - `LAGOA_FUZZ_REPLAY=seed`: run only the mutant with this seed, printing its mutations.
///
/// A crash kills the test process before Swift Testing can report anything, so before reading each
/// mutant the test stores a line naming its seed, file and mutations that a signal handler prints to
/// stderr when the process dies of SIGILL, SIGTRAP, SIGSEGV, SIGBUS or SIGABRT; the original handler
/// (Swift's backtracer) then runs as usual.
///
/// A mutant that reads without error must give well-formed columns (``ColumnValidation``).
@Suite("Parquet fuzz smoke test")
struct ParquetFuzzTests {
    static let defaultBase: UInt64 = 0x1A90_A5EE_D000_0000

    @Test("mutated seed files read or fail with a ParquetError or IOError, never crash")
    func mutants() async throws {
        let seeds = try await FuzzSeeds.load()
        try #require(seeds.count >= 6, "expected the fuzz seeds in TestData/parquet/fuzz-seeds (run scripts/fixtures/make_bad_parquet.py)")
        FuzzCrashReporter.install()
        defer { FuzzCrashReporter.clear() }

        if let replay = TestPaths.environment("LAGOA_FUZZ_REPLAY").flatMap(FuzzEnvironment.parse) {
            let mutant = Mutator.mutant(seed: replay, seeds: seeds)
            print("fuzz replay: \(mutant.summary)")
            try await check(mutant)
            return
        }
        let slow = TestPaths.environment("LAGOA_SLOW_TESTS") == "1"
        let count = TestPaths.environment("LAGOA_FUZZ_COUNT").flatMap { Int($0) } ?? (slow ? 100_000 : 2_000)
        let start = TestPaths.environment("LAGOA_FUZZ_START").flatMap { Int($0) } ?? 0
        let base = TestPaths.environment("LAGOA_FUZZ_BASE").flatMap(FuzzEnvironment.parse) ?? Self.defaultBase
        var outcomes = (read: 0, parquetError: 0, ioError: 0)
        for iteration in start..<(start + count) {
            let mutant = Mutator.mutant(seed: base &+ UInt64(truncatingIfNeeded: iteration), seeds: seeds)
            switch try await check(mutant) {
            case .read: outcomes.read += 1
            case .parquetError: outcomes.parquetError += 1
            case .ioError: outcomes.ioError += 1
            case .other: break
            }
        }
        print("fuzz: \(count) mutants from base seed \(FuzzEnvironment.hex(base)): \(outcomes.read) read, \(outcomes.parquetError) ParquetError, \(outcomes.ioError) IOError")
    }

    @Test("every seed reads without error into well-formed columns")
    func seedsRead() async throws {
        let seeds = try await FuzzSeeds.load()
        for (name, bytes) in seeds {
            let reader = try await ParquetFileReader(source: InMemorySource(name: name, bytes: bytes))
            let batches = try await reader.readAll(ParquetReadOptions())
            #expect(batches.reduce(0) { $0 + $1.rowCount } == reader.rowCount, "\(name)")
            #expect(ColumnValidation.problems(in: batches) == [], "\(name)")
        }
    }

    enum Outcome { case read, parquetError, ioError, other }

    /// Opens and reads `mutant` from memory, recording an issue for any error that is not a
    /// ``ParquetError`` or ``IOError``.
    @discardableResult
    private func check(_ mutant: Mutant) async throws -> Outcome {
        FuzzCrashReporter.set("\nFUZZ CRASH in mutant \(mutant.summary)\n")
        let source = InMemorySource(name: "fuzz-\(mutant.seedFile)", bytes: mutant.bytes)
        do {
            let reader = try await ParquetFileReader(source: source)
            // A small page limit keeps mutated page sizes from allocating a gigabyte each (the bomb
            // itself is covered by bad/page_uncompressed_1gib.parquet); one column at a time keeps
            // the errors deterministic for replay.
            let batches = try await reader.readAll(ParquetReadOptions(parallelism: 1, maxPageSize: 1 << 20))
            let problems = ColumnValidation.problems(in: batches)
            if !problems.isEmpty {
                let text = "\(mutant.summary) read without error into malformed columns: \(problems.joined(separator: "; "))"
                let known = problems.map(ColumnValidation.knownBugFile(for:))
                if known.allSatisfy({ $0 != nil }) {
                    // Known reader bugs, each reproduced by a file of TestData/parquet/bad/.
                    withKnownIssue("reader bug (see \(Set(known.compactMap { $0 }).sorted().joined(separator: ", ")))", isIntermittent: true) {
                        Issue.record(Comment(rawValue: text))
                    }
                } else {
                    Issue.record(Comment(rawValue: text))
                }
            }
            return .read
        } catch let error as ParquetError {
            if error.code == .internal {
                Issue.record("internal error for \(mutant.summary): \(error.singleLine)")
            }
            return .parquetError
        } catch is IOError {
            return .ioError
        } catch {
            Issue.record("unexpected \(type(of: error)) for \(mutant.summary): \(error)")
            return .other
        }
    }
}

// MARK: - Seeds

/// The valid files mutants are made from.
enum FuzzSeeds {
    static func load() async throws -> [(name: String, bytes: [UInt8])] {
        let folder = TestPaths.testData("parquet/fuzz-seeds")
        var seeds: [(name: String, bytes: [UInt8])] = []
        for name in try TestPaths.files(in: folder, suffix: ".parquet") {
            let source = try LocalFileSource(path: folder + "/" + name)
            seeds.append((name, try source.readSync(offset: 0, length: Int(try await source.size()))))
        }
        return seeds
    }
}

// MARK: - Mutations

/// A corrupted copy of a seed file and how it was made.
struct Mutant {
    let seed: UInt64
    let seedFile: String
    let bytes: [UInt8]
    let mutations: [String]

    var summary: String {
        "seed \(FuzzEnvironment.hex(seed)) (\(seedFile), \(bytes.count) bytes: \(mutations.joined(separator: "; ")))"
    }
}

/// SplitMix64: small, fast and good enough to pick mutations; the same seed gives the same mutant
/// on every platform.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<bound` (bound > 0).
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

enum Mutator {
    /// The mutant for `seed`: a seed file, then one to three stacked mutations.
    static func mutant(seed: UInt64, seeds: [(name: String, bytes: [UInt8])]) -> Mutant {
        var rng = SplitMix64(seed: seed)
        let (name, original) = seeds[rng.below(seeds.count)]
        var bytes = original
        var applied: [String] = []
        let rounds = [1, 1, 1, 2, 2, 3][rng.below(6)]
        for _ in 0..<rounds where !bytes.isEmpty {
            applied.append(mutate(&bytes, &rng))
        }
        return Mutant(seed: seed, seedFile: name, bytes: bytes, mutations: applied)
    }

    /// A position, biased to the footer and the page headers near the end and start of the file,
    /// where one wrong byte matters most.
    private static func position(_ bytes: [UInt8], _ rng: inout SplitMix64) -> Int {
        let n = bytes.count
        switch rng.below(4) {
        case 0:
            // The footer: the last quarter of a small file holds the metadata.
            let tail = max(1, n / 4)
            return n - 1 - rng.below(tail)
        case 1:
            return min(n - 1, 4 + rng.below(max(1, min(64, n - 4))))
        default:
            return rng.below(n)
        }
    }

    /// Applies one mutation and describes it.
    private static func mutate(_ bytes: inout [UInt8], _ rng: inout SplitMix64) -> String {
        let n = bytes.count
        switch rng.below(11) {
        case 8, 9, 10:
            if let description = replaceFooterVarint(&bytes, &rng) { return description }
            let p = position(bytes, &rng)
            bytes[p] ^= 0xFF
            return "invert byte \(p)"
        case 0:
            let flips = 1 + rng.below(4)
            var at: [String] = []
            for _ in 0..<flips {
                let p = position(bytes, &rng)
                let bit = rng.below(8)
                bytes[p] ^= UInt8(1) << UInt8(bit)
                at.append("\(p).\(bit)")
            }
            return "flip bits \(at.joined(separator: ","))"
        case 1:
            let p = position(bytes, &rng)
            let k = min(n - p, 1 + rng.below(4))
            for i in 0..<k { bytes[p + i] = UInt8(truncatingIfNeeded: rng.next()) }
            return "overwrite \(k) bytes at \(p)"
        case 2:
            let length = rng.below(n)
            bytes.removeSubrange(length...)
            return "truncate to \(length)"
        case 3:
            let p = rng.below(n)
            let k = min(n - p, 1 + rng.below(64))
            let piece = Array(bytes[p..<(p + k)])
            let q = rng.below(n + 1)
            bytes.insert(contentsOf: piece, at: q)
            return "duplicate \(k) bytes from \(p) at \(q)"
        case 4:
            let p = position(bytes, &rng)
            let k = min(n - p, 1 + rng.below(16))
            bytes.removeSubrange(p..<(p + k))
            return "delete \(k) bytes at \(p)"
        case 5, 6:
            let p = position(bytes, &rng)
            let (name, value): (String, UInt32) = [("0xFFFFFFFF", .max), ("0x7FFFFFFF", 0x7FFF_FFFF), ("0", 0), ("0x80000000", 0x8000_0000)][rng.below(4)]
            for i in 0..<min(4, n - p) { bytes[p + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(i))) }
            return "set 4 bytes at \(p) to \(name)"
        default:
            // Varint edge values: continuation bytes, the largest single-byte values.
            let p = position(bytes, &rng)
            let value: UInt8 = [0xFF, 0x80, 0x7F, 0x00, 0x01, 0xFE][rng.below(6)]
            bytes[p] = value
            return "set byte \(p) to \(value)"
        }
    }
}

extension Mutator {
    /// Values that break size and count checks, zigzag-encoded as Thrift i32/i64 fields are.
    static let interesting: [Int64] = [
        0, 1, 2, 3, 7, 8, 12, 15, 16, 100, 127, 128, 255, 256, 4096, 1 << 16, 1 << 20, 1 << 24, 1 << 30,
        Int64(Int32.max), Int64(Int32.max) + 1, Int64(Int32.min), 1 << 32, Int64.max, Int64.min, -1, -2, -8, -100,
    ]

    /// Replaces the varint starting at a random byte of the footer with one holding an interesting
    /// value, then fixes the footer length, so the footer still parses and a size, count, offset or
    /// type in it changes. Returns `nil` when the file has no plausible footer.
    static func replaceFooterVarint(_ bytes: inout [UInt8], _ rng: inout SplitMix64) -> String? {
        let n = bytes.count
        guard n >= 12 else { return nil }
        let length = Int(bytes[n - 8]) | Int(bytes[n - 7]) << 8 | Int(bytes[n - 6]) << 16 | Int(bytes[n - 5]) << 24
        guard length > 0, length <= n - 12 else { return nil }
        let footerStart = n - 8 - length
        let start = footerStart + rng.below(length)
        var end = start
        while end < n - 8 - 1 && bytes[end] & 0x80 != 0 && end - start < 9 { end += 1 }
        let value = interesting[rng.below(interesting.count)]
        var zigzag = UInt64(bitPattern: (value << 1) ^ (value >> 63))
        var encoded: [UInt8] = []
        repeat {
            let low = UInt8(zigzag & 0x7F)
            zigzag >>= 7
            encoded.append(zigzag == 0 ? low : low | 0x80)
        } while zigzag != 0
        bytes.replaceSubrange(start...end, with: encoded)
        let newLength = UInt32(length - (end - start + 1) + encoded.count)
        let m = bytes.count
        for i in 0..<4 { bytes[m - 8 + i] = UInt8(truncatingIfNeeded: newLength >> (8 * UInt32(i))) }
        return "footer varint at \(start) (\(end - start + 1) bytes) set to \(value)"
    }
}

// MARK: - Environment, directory listing, crash reporting

enum FuzzEnvironment {
    /// Parses a decimal or `0x` hexadecimal seed.
    static func parse(_ text: String) -> UInt64? {
        let trimmed = text.replacingOccurrences(of: "_", with: "")
        if trimmed.hasPrefix("0x") || trimmed.hasPrefix("0X") { return UInt64(trimmed.dropFirst(2), radix: 16) }
        return UInt64(trimmed)
    }

    static func hex(_ value: UInt64) -> String { "0x" + String(value, radix: 16) }
}

extension String {
    fileprivate func replacingOccurrences(of target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}

/// The regular files in a folder whose names end with `suffix`, sorted.
/// Prints the mutant being read when the process dies of a signal, then lets the previous handler run.
enum FuzzCrashReporter {
    private static let capacity = 1024
    nonisolated(unsafe) private static let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    nonisolated(unsafe) private static var length = 0
    nonisolated(unsafe) private static var installed = false
    /// The handlers replaced, indexed by signal number.
    nonisolated(unsafe) private static let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: 64)
    private static let signals: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT]

    /// Stores the line printed if the process crashes now.
    static func set(_ line: String) {
        length = 0
        for byte in line.utf8.prefix(capacity) {
            buffer[length] = byte
            length += 1
        }
    }

    static func clear() { length = 0 }

    static func install() {
        guard !installed else { return }
        installed = true
        for signal in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = { signal, info, context in
                if FuzzCrashReporter.length > 0 {
                    _ = write(2, FuzzCrashReporter.buffer, FuzzCrashReporter.length)
                }
                // Restore the previous handler (Swift's backtracer, or the default).
                // Restoring it and returning re-executes the faulting instruction under that handler.
                sigaction(signal, FuzzCrashReporter.previous + Int(signal), nil)
            }
            action.sa_flags = SA_SIGINFO
            sigaction(signal, &action, previous + Int(signal))
        }
    }
}
