// Removing a half-written temporary file when a signal ends the process: unlink, then die of it.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The temporary file being written, as a C string the handler can use without allocating.
nonisolated(unsafe) private var pendingPath: UnsafeMutablePointer<CChar>?

/// Only async-signal-safe calls: unlink, then the default action of the same signal (the handler
/// is installed with SA_RESETHAND, and the raised signal arrives once the handler returns), so
/// the shell sees the usual 128 + n.
private func removeAndReraise(_ signal: Int32) {
  if let path = pendingPath { unlink(path) }
  raise(signal)
}

enum TemporaryFileGuard {
  /// Every catchable signal whose default action ends the process.
  static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF]
  nonisolated(unsafe) private static var previous: [Int32: sigaction] = [:]

  /// Runs `body` with those signals blocked, so that no signal falls between creating a file
  /// and registering it.
  static func withSignalsBlocked<T>(_ body: () -> T) -> T {
    var set = sigset_t(), old = sigset_t()
    sigemptyset(&set)
    for s in signals { sigaddset(&set, s) }
    sigprocmask(SIG_BLOCK, &set, &old)
    defer { sigprocmask(SIG_SETMASK, &old, nil) }
    return body()
  }

  /// Makes `path` (NUL-terminated) the file a terminating signal removes; installs the handlers.
  static func register(_ path: [CChar]) {
    let copy = UnsafeMutablePointer<CChar>.allocate(capacity: path.count)
    copy.initialize(from: path, count: path.count)
    pendingPath = copy
    var action = sigaction()
    action.__sigaction_handler.sa_handler = removeAndReraise
    sigemptyset(&action.sa_mask)
    action.sa_flags = Int32(truncatingIfNeeded: SA_RESETHAND)
    for s in signals {
      var old = sigaction()
      // A signal the parent ignores (nohup's SIGHUP) stays ignored.
      sigaction(s, nil, &old)
      if let handler = old.__sigaction_handler.sa_handler, unsafeBitCast(handler, to: Int.self) == 1 { continue }  // SIG_IGN
      sigaction(s, &action, &old)
      previous[s] = old
    }
  }

  /// The file is renamed or removed: the handlers go back to what they were.
  static func unregister() {
    withSignalsBlocked {
      for (s, old) in previous {
        var old = old
        sigaction(s, &old, nil)
      }
      previous = [:]
      if let path = pendingPath {
        pendingPath = nil
        path.deallocate()
      }
    }
  }
}
