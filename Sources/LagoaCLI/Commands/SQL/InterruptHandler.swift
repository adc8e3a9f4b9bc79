import Dispatch
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Routes Ctrl-C (SIGINT) to a closure while installed, so a running query is cancelled instead of
/// the process being killed. A second Ctrl-C within a second while nothing handles it exits.
final class InterruptHandler: @unchecked Sendable {
    // `source` is set once in init and only cancelled in deinit; the action is behind a mutex.
    private let source: any DispatchSourceSignal
    private let action = ActionSlot()

    init() {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: DispatchQueue(label: "lagoa.sigint"))
        let action = self.action
        source.setEventHandler {
            if let body = action.current {
                body()
            } else {
                _exit(130)
            }
        }
        source.resume()
    }

    /// Runs `body` with `onInterrupt` installed as the Ctrl-C action.
    func whileRunning<T>(onInterrupt: @escaping @Sendable () -> Void, _ body: () async throws -> T) async rethrows -> T {
        action.current = onInterrupt
        defer { action.current = nil }
        return try await body()
    }

    /// Installs `onInterrupt` until the next call (the shell's prompt uses it to clear the line).
    func setIdleAction(_ onInterrupt: (@Sendable () -> Void)?) {
        action.current = onInterrupt
    }

    deinit {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}

/// The closure Ctrl-C runs, shared between the signal queue and the shell.
private final class ActionSlot: Sendable {
    private let slot = Mutex<(@Sendable () -> Void)?>(nil)

    var current: (@Sendable () -> Void)? {
        get { slot.withLock { $0 } }
        set { slot.withLock { $0 = newValue } }
    }
}
