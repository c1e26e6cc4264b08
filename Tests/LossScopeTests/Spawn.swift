// Starting a process from a test: posix_spawn, stdout read to its end, waitpid; no Foundation Process.
//
// Foundation's Process misses the exit of a tmux client whose server daemonised from it, and
// with many tests spawning at once its wait was seen spinning after the child had exited.

import Foundation
@testable import LossData
@testable import LossLogs
@testable import LossText

#if canImport(Glibc)
  import Glibc
#endif

struct RunResult {
  let status: Int32
  let stdout: String
  let stderr: String
}

/// Runs `arguments` (the first is looked up in PATH) and waits for it. stdout goes through a pipe
/// when captured, stderr to a file (so no pipe can fill up and stall), else both to /dev/null.
/// The child starts with no signal blocked: the test runner's threads block some, and the app
/// and tmux must receive SIGWINCH and SIGTERM.
@discardableResult
func spawn(_ arguments: [String], environment: [String: String]? = nil, captureStdout: Bool = true,
           captureStderr: Bool = false) throws -> RunResult {
  var fds: [Int32] = [0, 0]
  guard pipe(&fds) == 0 else { throw POSIXError(.EIO) }
  let errPath = FileManager.default.temporaryDirectory.appendingPathComponent("lossscope-err-\(UUID().uuidString)").path
  defer { if captureStderr { unlink(errPath) } }
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
  if captureStdout {
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
  } else {
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
  }
  posix_spawn_file_actions_addopen(&actions, 2, captureStderr ? errPath : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  posix_spawn_file_actions_addclose(&actions, fds[0])
  posix_spawn_file_actions_addclose(&actions, fds[1])
  var attributes = posix_spawnattr_t()
  posix_spawnattr_init(&attributes)
  defer { posix_spawnattr_destroy(&attributes) }
  var none = sigset_t()
  sigemptyset(&none)
  posix_spawnattr_setsigmask(&attributes, &none)
  posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))

  let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
  var env = ProcessInfo.processInfo.environment
  env.merge(environment ?? [:]) { $1 }
  let envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
  defer {
    argv.forEach { free($0) }
    envp.forEach { free($0) }
  }
  var pid: pid_t = 0
  let rc = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
  close(fds[1])
  guard rc == 0 else {
    close(fds[0])
    throw POSIXError(.ENOENT)
  }
  var out = [UInt8]()
  var buffer = [UInt8](repeating: 0, count: 65536)
  while true {
    let n = read(fds[0], &buffer, buffer.count)
    if n > 0 { out += buffer[0..<n] } else if n == 0 || errno != EINTR { break }
  }
  close(fds[0])
  var status: Int32 = 0
  while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
  let err = captureStderr ? ((try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "") : ""
  // Killed by a signal (a crash): 128 + the signal, as a shell reports it, never 0.
  let code = status & 0x7f != 0 ? 128 + (status & 0x7f) : (status >> 8) & 0xff
  return RunResult(status: code, stdout: String(decoding: out, as: UTF8.self), stderr: err)
}
