// The terminal as the library sees it: a backend that can be closed, opened by the executable's hook.

import LossData
import LossLogs
import LossText

/// A real terminal behind a `Backend`: it must be given back, and it knows which signal ended it.
public protocol Terminal: Backend {
  /// Restores the terminal; safe to call twice.
  func close()
  /// The signal that ended the loop, 0 when none did.
  var stoppedBySignal: Int32 { get }
}

/// Why the interactive view cannot run here; each case reads as one line for the user.
public enum TerminalError: Error, CustomStringConvertible {
  case notATerminal, noTerm(String), cannotOpen(String), noBackend

  public var description: String {
    let hint = "; `lossscope plot VIEW` prints the chart as text instead"
    switch self {
    case .notATerminal: return "the interactive view needs a terminal on stdin and stdout" + hint
    case .noTerm(let term): return term.isEmpty ? "TERM is not set" + hint : "TERM=\(term) cannot draw the interactive view" + hint
    case .cannotOpen(let term): return "cannot open the terminal (TERM=\(term))" + hint
    case .noBackend: return "this build has no terminal backend" + hint
    }
  }
}

/// How the commands open the terminal. The executable sets it once at start (curses lives
/// there, so that this library never links a terminal library and tests can import it).
public enum TerminalHost {
  public typealias Opener = @Sendable (_ color: Bool) throws(TerminalError) -> any Terminal
  nonisolated(unsafe) public static var open: Opener = { _ throws(TerminalError) in throw .noBackend }
  /// Whether the app takes clicks and the wheel (`--no-mouse` leaves the mouse to the terminal).
  nonisolated(unsafe) public static var mouse = true
}
