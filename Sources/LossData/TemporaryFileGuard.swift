// Removing a half-written temporary file when a signal ends the process: unlink, then die of it.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The temporary file being written, as a C string the handler can use without allocating.
nonisolated(unsafe) private var pendingPath: UnsafeMutablePointer<CChar>?

/// The handlers that were installed before ours, by signal number, readable from a handler.
nonisolated(unsafe) private let previousActions: UnsafeMutablePointer<sigaction> = {
  let p = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
  p.initialize(repeating: sigaction(), count: 65)
  return p
}()

/// Only async-signal-safe calls: unlink, then the signal again for what handled it before: the
/// app's handler (which gives the terminal back first) or the default action, which ends the
/// process so that the shell sees the usual 128 + n.
private func removeAndReraise(_ signal: Int32) {
  if let path = pendingPath {
    unlink(path)
    pendingPath = nil
  }
  // The signal is blocked while this runs: raised again, it reaches the restored action on
  // return. The runtime's SA_SIGINFO handler (its backtracer takes SIGQUIT and goes on) is not
  // put back: the handler stays reset to the default action.
  // A crash signal dies of itself: the terminal is given back first (by the app's hook), then
  // the default action ends the process with 128 + n, whatever handler was there before.
  let crash = signal == SIGABRT || signal == SIGSEGV || signal == SIGBUS || signal == SIGILL || signal == SIGFPE
    || signal == SIGTRAP || signal == SIGSYS
  if crash {
    TemporaryFileGuard.crashCleanup?()
    var fallback = sigaction()
    fallback.__sigaction_handler.sa_handler = SIG_DFL
    sigaction(signal, &fallback, nil)
  } else if signal > 0 && signal < 65, previousActions[Int(signal)].sa_flags & Int32(SA_SIGINFO) == 0 {
    sigaction(signal, previousActions + Int(signal), nil)
  }
  raise(signal)
}

package enum TemporaryFileGuard {
  /// Every catchable signal whose default action ends the process.
  package static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF]
  /// Crash signals (an abort, a fault, a trap, sent or real): the file is removed for them too,
  /// but they are never blocked, since a fault while blocked would kill without a handler.
  package static let crashes: [Int32] = [SIGABRT, SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGSYS]
  nonisolated(unsafe) private static var installed: [Int32] = []
  /// Async-signal-safe work a crash signal does before the process dies: the app gives the
  /// terminal back here.
  nonisolated(unsafe) package static var crashCleanup: (@convention(c) () -> Void)?

  /// Runs `body` with those signals blocked, so that no signal falls between creating a file
  /// and registering it.
  package static func withSignalsBlocked<T>(_ body: () -> T) -> T {
    var set = sigset_t(), old = sigset_t()
    sigemptyset(&set)
    for s in signals { sigaddset(&set, s) }
    sigprocmask(SIG_BLOCK, &set, &old)
    defer { sigprocmask(SIG_SETMASK, &old, nil) }
    return body()
  }

  /// Makes `path` (NUL-terminated) the file a terminating signal removes; installs the handlers.
  package static func register(_ path: [CChar]) {
    let copy = UnsafeMutablePointer<CChar>.allocate(capacity: path.count)
    copy.initialize(from: path, count: path.count)
    pendingPath = copy
    var action = sigaction()
    action.__sigaction_handler.sa_handler = removeAndReraise
    sigemptyset(&action.sa_mask)
    action.sa_flags = Int32(truncatingIfNeeded: SA_RESETHAND)
    for s in signals + crashes {
      var old = sigaction()
      // A signal the parent ignores (nohup's SIGHUP) stays ignored.
      sigaction(s, nil, &old)
      if let handler = old.__sigaction_handler.sa_handler, unsafeBitCast(handler, to: Int.self) == 1 { continue }  // SIG_IGN
      previousActions[Int(s)] = old
      sigaction(s, &action, nil)
      installed.append(s)
    }
  }

  /// The file is renamed or removed: the handlers go back to what they were.
  package static func unregister() {
    withSignalsBlocked {
      for s in installed { sigaction(s, previousActions + Int(s), nil) }
      installed = []
      if let path = pendingPath {
        pendingPath = nil
        path.deallocate()
      }
    }
  }
}
