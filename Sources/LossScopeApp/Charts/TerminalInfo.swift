// What the process knows about its terminal without curses: TTY-ness, window size, colour wishes.

import LossData
import LossLogs
import LossText

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

enum TerminalInfo {
  static func isTTY(_ fd: Int32) -> Bool { isatty(fd) == 1 }

  /// Columns and rows of the terminal on `fd`, nil when it is not a terminal.
  static func size(_ fd: Int32) -> (width: Int, height: Int)? {
    var ws = winsize()
    guard ioctl(fd, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0, ws.ws_row > 0 else { return nil }
    return (Int(ws.ws_col), Int(ws.ws_row))
  }

  static func environment(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
  }

  /// NO_COLOR (no-color.org): present and not empty turns colour off.
  static var noColor: Bool { !(environment("NO_COLOR") ?? "").isEmpty }
}
