// Signals while curses holds the terminal: stop cleanly, suspend on Ctrl-Z, restore even on a crash.

import LossScopeApp
import LossData
import LossLogs
import LossText

#if canImport(Glibc)
  import Glibc
#endif

/// The signal that asked us to stop, 0 if none. Written only by the handler; the loop reads it
/// when get_wch is interrupted (no SA_RESTART) and gives the terminal back through curses.
nonisolated(unsafe) var pendingSignal: Int32 = 0
/// Set by SIGTSTP (`kill -TSTP`; Ctrl-Z itself arrives as a key in raw mode).
nonisolated(unsafe) var pendingStop: Int32 = 0
/// The terminal modes before curses took over, for the handlers' last-resort restore.
nonisolated(unsafe) private var savedModes = termios()
nonisolated(unsafe) private var haveSavedModes = false
/// Handlers that were there before ours (the Swift runtime's crash backtracer).
nonisolated(unsafe) private let previousCrashActions: UnsafeMutablePointer<sigaction> = {
  let p = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
  p.initialize(repeating: sigaction(), count: 65)
  return p
}()
/// Bytes the handlers write without allocating: mouse reporting off (every mode curses may have
/// turned on: clicks, drags, motion, SGR and urxvt coordinates), bracketed paste off, attributes
/// reset, normal screen, cursor visible, and a fresh line.
private let restoreText = "\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l\u{1B}[?1015l"
  + "\u{1B}[?2004l\u{1B}[0m\u{1B}[?1049l\u{1B}[?25h\r\n"
nonisolated(unsafe) private let restoreBytes: UnsafeMutablePointer<UInt8> = {
  let bytes = Array(restoreText.utf8)
  let p = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
  p.initialize(from: bytes, count: bytes.count)
  return p
}()
private let restoreCount = restoreText.utf8.count

/// Async-signal-safe: write(2) and tcsetattr only.
private func restoreTerminalRaw() {
  _ = write(STDOUT_FILENO, restoreBytes, restoreCount)
  if haveSavedModes { _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &savedModes) }
}

enum TerminalSignals {
  /// Every catchable signal whose default action ends the process.
  static let terminating: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE,
                                     SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ, SIGIO, SIGPWR, SIGSTKFLT]
  /// A trap (a Swift precondition), a bad access: the process dies, but the terminal need not.
  static let crashes: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT, SIGSYS]

  /// Installs the handlers; called before newterm, so that curses keeps ours for SIGINT,
  /// SIGTERM and SIGTSTP instead of installing its own.
  static func install() {
    if tcgetattr(STDIN_FILENO, &savedModes) == 0 { haveSavedModes = true }
    TemporaryFileGuard.crashCleanup = { restoreTerminalRaw() }
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { signal in
      // A second signal while the first is still being handled: the loop may be busy for a
      // while, so give the terminal back right here and end.
      if pendingSignal != 0 {
        restoreTerminalRaw()
        _exit(128 + pendingSignal)
      }
      pendingSignal = signal
    }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0  // no SA_RESTART: get_wch must return so the loop sees the signal
    for signal in terminating { sigaction(signal, &action, nil) }

    var stop = sigaction()
    stop.__sigaction_handler.sa_handler = { _ in pendingStop = 1 }
    sigemptyset(&stop.sa_mask)
    sigaction(SIGTSTP, &stop, nil)

    var crash = sigaction()
    crash.__sigaction_handler.sa_sigaction = { signal, info, _ in
      // Restore and put back the handler that was there (the runtime's backtracer). A fault
      // returns: the faulting instruction runs again and now reaches it. A signal sent with
      // kill (si_code <= 0) would not come back by itself, so it is raised again.
      restoreTerminalRaw()
      if signal > 0 && signal < 65 { sigaction(signal, previousCrashActions + Int(signal), nil) }
      if let info, info.pointee.si_code <= 0 { raise(signal) }
    }
    sigemptyset(&crash.sa_mask)
    crash.sa_flags = Int32(truncatingIfNeeded: SA_RESETHAND) | Int32(truncatingIfNeeded: SA_ONSTACK) | Int32(SA_SIGINFO)
    for signal in crashes { sigaction(signal, &crash, previousCrashActions + Int(signal)) }

    // A parent may have left these blocked; then resizes and SIGTERM would never arrive.
    var wanted = sigset_t()
    sigemptyset(&wanted)
    for signal in terminating + [SIGWINCH, SIGTSTP, SIGCONT] { sigaddset(&wanted, signal) }
    sigprocmask(SIG_UNBLOCK, &wanted, nil)
  }

  /// Stops the process as the shell's job control expects (the terminal already given back);
  /// returns once `fg` or SIGCONT resumes it.
  static func stopSelf() {
    var dfl = sigaction(), ours = sigaction()
    dfl.__sigaction_handler.sa_handler = nil  // SIG_DFL
    sigemptyset(&dfl.sa_mask)
    sigaction(SIGTSTP, &dfl, &ours)
    pendingStop = 0
    raise(SIGTSTP)
    sigaction(SIGTSTP, &ours, nil)
  }
}
