// Bracketed paste in the curses backend: the terminal marks pasted text, read here as one message.

import CNCurses
import LossData
import LossLogs
import LossText

#if canImport(Glibc)
  import Glibc
#endif

extension CursesBackend {
  /// A paste longer than this is read to its end but the rest dropped: prompts hold far less.
  static let maxPaste = 65536

  /// After an ESC: the rest of a bracketed paste's start, ESC [ 2 0 0 ~, then its text up to
  /// ESC [ 2 0 1 ~. Anything else is pushed back unread and the ESC is a key after all.
  func readPaste() -> String? {
    let start: [UInt32] = [91, 50, 48, 48, 126]  // [200~
    var seen: [wint_t] = []
    _ = wtimeout(cn_stdscr(), 30)
    defer { _ = wtimeout(cn_stdscr(), -1) }
    for expected in start {
      var wch: wint_t = 0
      guard get_wch(&wch) == OK else { break }
      seen.append(wch)
      if UInt32(wch) != expected { break }
    }
    guard seen.count == start.count, UInt32(seen.last ?? 0) == 126 else {
      for wch in seen.reversed() { _ = unget_wch(wchar_t(bitPattern: UInt32(wch))) }
      return nil
    }
    // The text arrives as fast as the terminal sends it; a paste that never ends is cut off
    // by a signal or, after two seconds of silence, taken as it is.
    _ = wtimeout(cn_stdscr(), 2000)
    let end: [UInt32] = [27, 91, 50, 48, 49, 126]  // ESC [201~
    var text: [Unicode.Scalar] = []
    var tail: [UInt32] = []
    while pendingSignal == 0 {
      var wch: wint_t = 0
      let rc = get_wch(&wch)
      if rc == ERR { if errno == EINTR { continue } else { break } }
      if rc == KEY_CODE_YES { continue }
      tail.append(UInt32(wch))
      if tail.count > end.count { tail.removeFirst() }
      if tail == end {
        text.removeLast(min(text.count, end.count - 1))
        break
      }
      if text.count < Self.maxPaste, let scalar = Unicode.Scalar(UInt32(wch)) { text.append(scalar) }
    }
    var result = String.UnicodeScalarView()
    result.append(contentsOf: text)
    return String(result)
  }

  /// Bracketed paste (xterm's mode 2004): the terminal marks pasted text so it is not run as keys.
  static func bracketedPaste(_ on: Bool) {
    let bytes = Array((on ? "\u{1B}[?2004h" : "\u{1B}[?2004l").utf8)
    _ = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
  }
}
