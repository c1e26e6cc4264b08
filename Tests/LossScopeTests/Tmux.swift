// A private tmux server running the real binary: send keys, resize, read the screen.

import Foundation
@testable import LossData
@testable import LossLogs
@testable import LossText

#if canImport(Glibc)
  import Glibc
#endif

/// One tmux server on its own socket (never the user's), killed when the value goes away.
final class Tmux {
  let socket = "lossscope-e2e-\(UUID().uuidString.prefix(8))"
  static var available: Bool { (try? spawn(["tmux", "-V"]))?.status == 0 }

  /// Starts `command` (a shell command line) in a session of the given size, in `folder`.
  init(_ command: String, width: Int = 120, height: Int = 40, folder: URL) throws {
    let line = "cd '\(folder.path)' && \(command); echo EXIT=$?; stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo; sleep 60"
    // The server started here outlives the call: it must not inherit a pipe we read to its end.
    try spawn(["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-x", "\(width)",
               "-y", "\(height)", "-e", "LC_ALL=C.UTF-8", "-e", "TERM=tmux-256color", line], captureStdout: false)
  }

  deinit { _ = try? tmux(["kill-server"]) }

  @discardableResult
  func tmux(_ arguments: [String]) throws -> RunResult {
    try spawn(["tmux", "-L", socket, "-f", "/dev/null"] + arguments)
  }

  var screen: String { (try? tmux(["capture-pane", "-p", "-t", "e2e"]))?.stdout ?? "" }

  func send(_ keys: String...) throws { try tmux(["send-keys", "-t", "e2e"] + keys) }

  func resize(_ width: Int, _ height: Int) throws {
    try tmux(["resize-window", "-t", "e2e", "-x", "\(width)", "-y", "\(height)"])
  }

  /// Polls the screen until `text` appears; false after `timeout` seconds. Never a fixed sleep.
  func waitFor(_ text: String, timeout: Double = 15) -> Bool {
    let end = Date().addingTimeInterval(timeout)
    while Date() < end {
      if screen.contains(text) { return true }
      usleep(50_000)
    }
    return false
  }

  /// The pid of the program running in the pane (the child of the pane's shell).
  func programPID() throws -> Int32? {
    let shellPID = try tmux(["list-panes", "-t", "e2e", "-F", "#{pane_pid}"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    let child = try spawn(["pgrep", "-P", shellPID, "-x", "lossscope"]).stdout
    return Int32(child.split(separator: "\n").first ?? "")
  }
}
