import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The live status line on a terminal (standard error): redrawn in place, cleared before any
/// other output so log lines never mix with it. Does nothing when standard error is not a terminal.
final class ProgressLine: Sendable {
    static let shared = ProgressLine()

    let isTerminal = isatty(2) == 1
    private let current = Mutex("")

    /// Replaces the status line with `text` (cut to the terminal's width).
    func show(_ text: String) {
        guard isTerminal else { return }
        var size = winsize()
        let width = ioctl(2, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 10 ? Int(size.ws_col) - 1 : 119
        let line = String(text.prefix(width))
        current.withLock { shown in
            shown = line
            CLIErrors.writeErrorRaw("\r\u{1B}[K" + line)
        }
    }

    /// Runs `body` (which writes a line) with the status line cleared, then draws it again.
    func clearing(_ body: () -> Void) {
        guard isTerminal else { return body() }
        current.withLock { shown in
            if !shown.isEmpty { CLIErrors.writeErrorRaw("\r\u{1B}[K") }
            body()
            if !shown.isEmpty { CLIErrors.writeErrorRaw(shown) }
        }
    }

    /// Removes the status line for good.
    func finish() {
        guard isTerminal else { return }
        current.withLock { shown in
            if !shown.isEmpty { CLIErrors.writeErrorRaw("\r\u{1B}[K") }
            shown = ""
        }
    }
}
