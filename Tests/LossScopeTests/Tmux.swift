// A private tmux server running the real binary: send keys, resize, read the screen.

import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// One tmux server on its own socket (never the user's), killed when the value goes away.
final class Tmux {
  let socket = "lossscope-e2e-\(UUID().uuidString.prefix(8))"
  static var available: Bool { (try? shell(["tmux", "-V"]))?.status == 0 }

  /// Starts `command` (a shell command line) in a session of the given size, in `folder`.
  init(_ command: String, width: Int = 120, height: Int = 40, folder: URL) throws {
    let line = "cd '\(folder.path)' && \(command); echo EXIT=$?; stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo; sleep 60"
    // The server started here outlives the call: it must not inherit a pipe we read to its end.
    try shell(["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-x", "\(width)",
               "-y", "\(height)", "-e", "LC_ALL=C.UTF-8", "-e", "TERM=tmux-256color", line], capture: false)
  }

  deinit { _ = try? tmux(["kill-server"]) }

  @discardableResult
  func tmux(_ arguments: [String]) throws -> RunOutput {
    try shell(["tmux", "-L", socket, "-f", "/dev/null"] + arguments)
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
    let child = try shell(["pgrep", "-P", shellPID, "-x", "lossscope"]).stdout
    return Int32(child.split(separator: "\n").first ?? "")
  }
}

struct RunOutput {
  let status: Int32
  let stdout: String
}

/// Runs a command with posix_spawn and waits with waitpid: Foundation's Process never notices the
/// exit of a tmux client whose server daemonised from it, and waitUntilExit hangs.
@discardableResult
func shell(_ arguments: [String], capture: Bool = true) throws -> RunOutput {
  var fds: [Int32] = [0, 0]
  guard pipe(&fds) == 0 else { throw POSIXError(.EIO) }
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
  if capture {
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
  } else {
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
  }
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
  posix_spawn_file_actions_addclose(&actions, fds[0])
  posix_spawn_file_actions_addclose(&actions, fds[1])
  // The test runner's threads block signals; tmux and the app must start with none blocked,
  // or SIGWINCH and SIGTERM never arrive.
  var attributes = posix_spawnattr_t()
  posix_spawnattr_init(&attributes)
  defer { posix_spawnattr_destroy(&attributes) }
  var none = sigset_t()
  sigemptyset(&none)
  posix_spawnattr_setsigmask(&attributes, &none)
  posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
  var pid: pid_t = 0
  let argv = arguments.map { strdup($0) } + [nil]
  defer { argv.forEach { free($0) } }
  let rc = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, environ)
  close(fds[1])
  guard rc == 0 else {
    close(fds[0])
    throw POSIXError(.ENOENT)
  }
  var data = [UInt8]()
  var buffer = [UInt8](repeating: 0, count: 65536)
  while true {
    let n = read(fds[0], &buffer, buffer.count)
    if n <= 0 { break }
    data += buffer[0..<n]
  }
  close(fds[0])
  var status: Int32 = 0
  while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
  return RunOutput(status: (status >> 8) & 0xff, stdout: String(decoding: data, as: UTF8.self))
}
